package org.ncs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;

/** Every text the service says exists in all six UN languages, with the same values filled in. */
class MessagesTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([0-9]+|min|max|value)}");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fr", "es", "ar", "ru", "zh"})
  void everyTextIsTranslatedWithTheSameValuesFilledIn(String language) throws IOException {
    Properties english = load("messages.properties");
    Properties translated = load("messages_" + language + ".properties");

    assertThat(translated.stringPropertyNames()).as("keys in %s", language)
        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    for (String key : english.stringPropertyNames()) {
      assertThat(placeholders(translated.getProperty(key))).as("%s in %s", key, language)
          .isEqualTo(placeholders(english.getProperty(key)));
      assertThat(translated.getProperty(key)).as("%s in %s", key, language).isNotBlank();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fr", "es", "ar", "ru", "zh"})
  void aTextIsGivenInTheLanguageOfTheRequest(String language) throws IOException {
    LocaleContextHolder.setLocale(Locale.forLanguageTag(language));
    try {
      // numbers as the language writes them (Arabic-Indic digits in Arabic)
      assertThat(Messages.get("validation.minLength", 3))
          .isEqualTo(new MessageFormat(load("messages_" + language + ".properties").getProperty("validation.minLength"),
              Locale.forLanguageTag(language)).format(new Object[] {3}))
          .isNotEqualTo("must be at least 3 characters");
    } finally {
      LocaleContextHolder.resetLocaleContext();
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (Reader in = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }
}
