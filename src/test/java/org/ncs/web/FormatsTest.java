package org.ncs.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** Amounts on pages keep every decimal they have, in the reader's notation. */
class FormatsTest {

  private final Formats formats = new Formats(Clock.systemUTC());

  @AfterEach
  void resetLocale() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void anExactAmountKeepsItsMinorUnitsAndIsNeverRounded() {
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(formats.exact(new BigDecimal("1250000.50"))).isEqualTo("1,250,000.50");
    assertThat(formats.exact(new BigDecimal("12.3456"))).isEqualTo("12.3456");
    assertThat(formats.exact(new BigDecimal("30000000"))).isEqualTo("30,000,000");
    // a general number drops the trailing zero: an amount must not
    assertThat(formats.number(new BigDecimal("1250000.50"))).isEqualTo("1,250,000.5");
    LocaleContextHolder.setLocale(Locale.FRENCH);
    assertThat(formats.exact(new BigDecimal("12.50"))).isEqualTo("12,50");
  }

  @Test
  void aNumberIsReadAsItsReaderTypesIt() {
    assertThat(Formats.parseDecimal("1,250,000.50", Locale.ENGLISH)).isEqualByComparingTo("1250000.50");
    assertThat(Formats.parseDecimal("1\u202f250\u202f000,50", Locale.FRENCH)).isEqualByComparingTo("1250000.50");
    assertThat(Formats.parseDecimal("1 250 000,50", Locale.FRENCH)).isEqualByComparingTo("1250000.50");
    assertThat(Formats.parseDecimal("2,5", Locale.FRENCH)).isEqualByComparingTo("2.5");
    assertThat(Formats.parseDecimal("1.250.000,5", Locale.forLanguageTag("es"))).isEqualByComparingTo("1250000.5");
    // a dot is a decimal point wherever it does not group thousands
    assertThat(Formats.parseDecimal("2.5", Locale.FRENCH)).isEqualByComparingTo("2.5");
    assertThat(Formats.parseDecimal("١٢٫٥", Locale.forLanguageTag("ar-EG"))).isEqualByComparingTo("12.5");
    assertThat(Formats.parseDecimal("-3", Locale.ENGLISH)).isEqualByComparingTo("-3");
    assertThatThrownBy(() -> Formats.parseDecimal("12 apples", Locale.ENGLISH))
        .isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> Formats.parseDecimal("1.2.3", Locale.ENGLISH)).isInstanceOf(NumberFormatException.class);
    // what an input is given reads back the same in every language
    for (String language : List.of("en", "fr", "es", "ar", "ru", "zh")) {
      Locale locale = Locale.forLanguageTag(language);
      assertThat(Formats.parseDecimal(Formats.plainDecimal(new BigDecimal("1250000.50"), locale), locale))
          .as(language).isEqualByComparingTo("1250000.50");
    }
  }
}
