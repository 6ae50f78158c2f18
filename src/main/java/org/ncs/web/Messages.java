package org.ncs.web;

import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * What the service says to people, in their language: the texts of {@code messages*.properties} (English in the
 * base file, then French, Spanish, Arabic, Russian and Chinese), in the language of the current request
 * (Accept-Language, or the user's choice), English where a text is missing. The same files feed Spring's message
 * source, so Bean Validation's messages and ours come from one place.
 */
public final class Messages {

  /**
   * Our texts, then the names of the process models' elements and the texts of the task forms in the other
   * languages (their English is in the models and forms themselves), as {@code spring.messages.basename} lists
   * them for the pages.
   */
  static final String[] BASENAMES = {"messages", "i18n/process", "i18n/forms"};
  private static final ResourceBundleMessageSource SOURCE = new ResourceBundleMessageSource();

  static {
    SOURCE.setBasenames(BASENAMES);
    SOURCE.setDefaultEncoding("UTF-8");
    SOURCE.setFallbackToSystemLocale(false);
    // not the calling thread's class loader, which the engine and the webapps switch: the bundles are ours
    SOURCE.setBundleClassLoader(Messages.class.getClassLoader());
  }

  private Messages() {
  }

  /** The text of {@code code} with its {0}, {1}, ... filled in, in the current request's language. */
  public static String get(String code, Object... args) {
    return SOURCE.getMessage(code, args, locale());
  }

  /**
   * The text in a language of one's own choosing: for the filters that answer before (or after) Spring has set the
   * request's language, the request's {@code getLocale()}.
   */
  public static String get(Locale locale, String code, Object... args) {
    return SOURCE.getMessage(code, args, locale);
  }

  /** The text of {@code code}, or {@code fallback} (already in some language) where the files have none. */
  public static String getOrDefault(String code, String fallback, Object... args) {
    return getOrDefault(locale(), code, fallback, args);
  }

  public static String getOrDefault(Locale locale, String code, String fallback, Object... args) {
    return SOURCE.getMessage(code, args, fallback, locale);
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }
}
