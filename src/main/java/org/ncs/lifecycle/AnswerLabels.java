package org.ncs.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.ncs.lifecycle.FormView.Option;
import org.ncs.lifecycle.FormView.Part;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Recorded answers as people read them: a field's label for its key, an option's label for its value, in the
 * reader's language, from the forms this version of the service deploys. A key means the same in every form that
 * asks it (the forms keep to that), so the first form that asks a key names it.
 */
@Component
public class AnswerLabels {

  /** One answer as shown: the field's label and the value, an option by its label. */
  public record Answer(String label, String value) {
  }

  private final Map<String, TaskForm> formOfKey = new HashMap<>();
  /** The inputs of each form in each language, by key: the forms do not change while the service runs. */
  private final Map<String, Map<String, Part>> inputs = new ConcurrentHashMap<>();
  private final FormViews views;
  private final Choices choices;

  AnswerLabels(ObjectMapper json, FormViews views, Choices choices) {
    this.views = views;
    this.choices = choices;
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
        try (InputStream in = resource.getInputStream()) {
          TaskForm form = TaskForm.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), json);
          form.fields().forEach(field -> formOfKey.putIfAbsent(field.key(), form));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the forms", e);
    }
  }

  /**
   * Reads recorded outcomes of one engagement ({@code {"key": value, ...}}): each answer by its field's label, a
   * document chosen by its title and version, the engagement's documents read once for any number of outcomes.
   */
  public Function<JsonNode, List<Answer>> forEngagement(String engagementId) {
    Function<String, List<Option>> options = choices.of(engagementId);
    return answers -> of(answers, options);
  }

  private List<Answer> of(JsonNode answers, Function<String, List<Option>> engagementChoices) {
    List<Answer> shown = new ArrayList<>();
    if (answers == null || !answers.isObject()) {
      return shown;
    }
    answers.fields().forEachRemaining(answer -> {
      Part part = part(answer.getKey());
      List<Option> options = part == null ? List.of() : part.field().valuesKey() == null ? part.options()
          : engagementChoices.apply(part.field().valuesKey());
      List<String> values = new ArrayList<>();
      for (JsonNode item : answer.getValue().isArray() ? answer.getValue() : List.of(answer.getValue())) {
        String text = item.isValueNode() ? item.asText() : item.toString();
        values.add(options.stream().filter(option -> option.value().equals(text))
            .map(Option::label).findFirst().orElse(text));
      }
      shown.add(new Answer(part == null ? answer.getKey() : part.label(), String.join(", ", values)));
    });
    return shown;
  }

  private Part part(String key) {
    TaskForm form = formOfKey.get(key);
    if (form == null) {
      return null;
    }
    Locale language = LocaleContextHolder.getLocale();
    return inputs.computeIfAbsent(language.getLanguage() + "/" + form.id(), id -> {
      Map<String, Part> byKey = new HashMap<>();
      views.of(form, Map.of(), Map.of(), choices -> List.of()).parts().stream().filter(part -> !part.isText())
          .forEach(part -> byKey.put(part.field().key(), part));
      return byKey;
    }).get(key);
  }
}
