package org.ncs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
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
}
