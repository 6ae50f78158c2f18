package org.ncs.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ncs.lifecycle.FormView.Condition;
import org.ncs.lifecycle.FormView.Option;
import org.ncs.lifecycle.FormView.Part;
import org.ncs.web.Messages;
import org.springframework.stereotype.Component;

/**
 * Builds what a person sees of a task's form from its Camunda Form. Forms are written in English; their texts in
 * the other languages are message keys {@code <form id>.<field key>.label} (also {@code .description},
 * {@code .patternMessage}, {@code .option.<value>}) and {@code <form id>.<component id>.text}, with the form's
 * own English wherever a translation is missing.
 */
@Component
class FormViews {

  /**
   * @param context the task's variables the form's texts show
   * @param values what the inputs hold
   * @param choices the options of a choice that depend on the engagement, by its {@code valuesKey}
   */
  FormView of(TaskForm form, Map<String, ?> context, Map<String, ?> values,
      Function<String, List<Option>> choices) {
    Map<String, FormField> fields = new HashMap<>();
    form.fields().forEach(field -> fields.put(field.key(), field));
    List<Part> parts = new ArrayList<>();
    collect(form.id(), form.components(), fields, context, values, choices, parts);
    return new FormView(form.id(), parts.stream().map(part -> withShownWhen(part, parts)).toList());
  }

  /** "Only if Decision is Adopt the strategy", with the labels of the field and the answer it depends on. */
  private static Part withShownWhen(Part part, List<Part> parts) {
    Condition condition = part.condition();
    if (condition == null) {
      return part;
    }
    Part other = parts.stream().filter(candidate -> !candidate.isText()
        && candidate.field().key().equals(condition.key())).findFirst().orElse(null);
    String label = other == null ? condition.key() : other.label();
    String answer = other == null ? condition.value() : other.options().stream()
        .filter(option -> option.value().equals(condition.value())).map(Option::label).findFirst()
        .orElse(condition.value());
    String shownWhen = Messages.get(condition.showIfEquals() ? "form.shownIf" : "form.shownUnless", label, answer);
    return new Part(part.id(), part.type(), part.field(), part.label(), part.description(), part.html(),
        part.options(), condition, shownWhen, part.value());
  }

  /** The variables of the task that the form's texts show. */
  static Set<String> textVariables(TaskForm form) {
    Set<String> names = new LinkedHashSet<>();
    texts(form.components(), names);
    return names;
  }

  private static void texts(JsonNode components, Set<String> names) {
    for (JsonNode component : components) {
      if ("text".equals(component.path("type").asText())) {
        names.addAll(FormTexts.variables(component.path("text").asText("")));
      }
      texts(component.path("components"), names);
    }
  }

  private void collect(String formId, JsonNode components, Map<String, FormField> fields, Map<String, ?> context,
      Map<String, ?> values, Function<String, List<Option>> choices, List<Part> parts) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String id = component.path("id").asText();
      if ("text".equals(type)) {
        String text = Messages.getOrDefault(formId + "." + id + ".text", component.path("text").asText(""));
        parts.add(new Part(id, type, null, null, null, FormTexts.html(text, context, parts.isEmpty()), List.of(),
            null, null, null));
      } else if (component.hasNonNull("key") && fields.containsKey(component.get("key").asText())) {
        FormField field = fields.get(component.get("key").asText());
        String prefix = formId + "." + field.key();
        List<Option> options = new ArrayList<>();
        for (JsonNode option : component.path("values")) {
          String value = option.path("value").asText();
          options.add(new Option(value, Messages.getOrDefault(prefix + ".option." + value,
              option.path("label").asText(value))));
        }
        if (field.valuesKey() != null) {
          options.addAll(choices.apply(field.valuesKey()));
        }
        String description = component.path("description").asText(null);
        parts.add(new Part(id, type, field, Messages.getOrDefault(prefix + ".label", field.name()),
            description == null ? null : Messages.getOrDefault(prefix + ".description", description), null,
            List.copyOf(options), Condition.ofHideExpression(field.hideWhen()).orElse(null), null,
            values.get(field.key())));
      }
      collect(formId, component.path("components"), fields, context, values, choices, parts);
    }
  }
}
