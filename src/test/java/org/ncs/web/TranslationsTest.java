package org.ncs.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

/**
 * Every text of the service in every language: its messages, the names of its models' elements and the texts of
 * its forms. English is the base messages file and, for models and forms, the models and forms themselves; each
 * other language must have every key, with the same values filled in and the same template variables.
 */
class TranslationsTest {

  static final List<String> OTHER_LANGUAGES = List.of("fr", "es", "ar", "ru", "zh");
  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{[^}]*}}");
  private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");
  /** Definitions that are referred to by name, not shown: they keep their names. */
  private static final Set<String> UNSHOWN = Set.of("message", "error", "signal", "escalation", "definitions");

  @Test
  void everyMessageIsInEveryLanguageWithTheSameValuesFilledIn() {
    Properties english = load("src/main/resources/messages.properties");
    for (String language : OTHER_LANGUAGES) {
      Properties translated = load("src/main/resources/messages_" + language + ".properties");
      assertThat(translated.stringPropertyNames()).as("messages_%s", language)
          .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
      for (String key : english.stringPropertyNames()) {
        String text = translated.getProperty(key);
        assertThat(arguments(text)).as("%s in %s: %s", key, language, text)
            .isEqualTo(arguments(english.getProperty(key)));
        if (!arguments(text).isEmpty()) {
          assertThat(LONE_QUOTE.matcher(text).find()).as("%s in %s has a quote MessageFormat would eat: %s", key,
              language, text).isFalse();
          new MessageFormat(text, Locale.forLanguageTag(language)).format(new Object[] {1, 2, 3});
        }
      }
    }
  }

  @Test
  void everyFormTextIsInEveryLanguageWithItsTemplateVariables() throws IOException {
    Map<String, String> english = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(path -> path.toString().endsWith(".form")).toList()) {
        JsonNode form = json.readTree(file.toFile());
        formTexts(form.path("id").asText(), form.path("components"), english);
      }
    }
    assertThat(english).hasSizeGreaterThan(100);
    for (String language : OTHER_LANGUAGES) {
      Properties translated = load("src/main/resources/i18n/forms_" + language + ".properties");
      assertThat(translated.stringPropertyNames()).as("forms_%s", language)
          .containsExactlyInAnyOrderElementsOf(english.keySet());
      english.forEach((key, text) -> assertThat(templates(translated.getProperty(key)))
          .as("%s in %s", key, language).isEqualTo(templates(text)));
    }
  }

  @Test
  void everyNamedElementOfTheModelsIsInEveryLanguage() {
    Map<String, String> english = new TreeMap<>();
    for (File file : new File("bpmn").listFiles((dir, name) -> name.endsWith(".bpmn"))) {
      for (ModelElementInstance element : Bpmn.readModelFromFile(file).getModelElementsByType(BaseElement.class)) {
        String name = element.getAttributeValue("name");
        if (name != null && !UNSHOWN.contains(element.getElementType().getTypeName())) {
          english.put(((BaseElement) element).getId(), name);
        }
      }
    }
    assertThat(english).containsKey("Task_DraftStrategy");
    for (String language : OTHER_LANGUAGES) {
      Properties translated = load("src/main/resources/i18n/process_" + language + ".properties");
      assertThat(translated.stringPropertyNames()).as("process_%s", language)
          .containsExactlyInAnyOrderElementsOf(english.keySet());
    }
  }

  /** The keys FormViews looks up: labels, descriptions, options and pattern messages, and the texts. */
  private static void formTexts(String formId, JsonNode components, Map<String, String> texts) {
    for (JsonNode component : components) {
      if ("text".equals(component.path("type").asText())) {
        texts.put(formId + "." + component.path("id").asText() + ".text", component.path("text").asText());
      } else if (component.hasNonNull("key")) {
        String prefix = formId + "." + component.path("key").asText();
        String label = component.path("label").asText(component.path("dateLabel").asText(null));
        if (label != null) {
          texts.put(prefix + ".label", label);
        }
        if (component.hasNonNull("description")) {
          texts.put(prefix + ".description", component.path("description").asText());
        }
        component.path("values").forEach(option ->
            texts.put(prefix + ".option." + option.path("value").asText(), option.path("label").asText()));
        if (component.path("properties").hasNonNull("patternMessage")) {
          texts.put(prefix + ".patternMessage", component.path("properties").path("patternMessage").asText());
        }
      }
      formTexts(formId, component.path("components"), texts);
    }
  }

  private static Set<String> arguments(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = ARGUMENT.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private static List<String> templates(String text) {
    return TEMPLATE.matcher(text).results().map(MatchResult::group).sorted().toList();
  }

  private static Properties load(String file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + file, e);
    }
    return properties;
  }
}
