package org.ncs.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages of the service: the six official languages of the United Nations, English first. */
public final class Languages {

  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"),
      Locale.forLanguageTag("ar"), Locale.forLanguageTag("ru"), Locale.CHINESE);

  private Languages() {
  }

  /** The supported language of a tag such as {@code fr} or {@code fr-CA}, if it is one. */
  public static Optional<Locale> of(String tag) {
    if (tag == null || tag.isBlank()) {
      return Optional.empty();
    }
    String language = Locale.forLanguageTag(tag.trim()).getLanguage();
    return SUPPORTED.stream().filter(supported -> supported.getLanguage().equals(language)).findFirst();
  }

  /** The language's own name for itself, as a switcher lists it: Français, العربية, 中文. */
  public static String ownName(Locale language) {
    String name = language.getDisplayLanguage(language);
    return name.isEmpty() ? language.getLanguage() : name.substring(0, 1).toUpperCase(language) + name.substring(1);
  }

  public static boolean isRightToLeft(Locale language) {
    return "ar".equals(language.getLanguage());
  }
}
