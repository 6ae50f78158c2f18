package org.ncs.web;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, numbers and durations as the reader writes them ({@code ${@formats.date(task.due)}} in a template), with
 * the digits of their language, as the messages' numbers have them. Days are those of UTC, as the service keeps
 * its dates.
 */
@Component("formats")
public class Formats {

  private final Clock clock;

  Formats(Clock clock) {
    this.clock = clock;
  }

  /** 27 Nov 2026, 27 nov. 2026, 2026年11月27日 ... */
  public String date(TemporalAccessor day) {
    if (day == null) {
      return "";
    }
    LocalDate date = day instanceof Instant instant ? instant.atZone(ZoneOffset.UTC).toLocalDate()
        : LocalDate.from(day);
    Locale locale = LocaleContextHolder.getLocale();
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
        .withDecimalStyle(DecimalStyle.of(locale)).format(date);
  }

  /** The date and the time of day, in UTC (said so). */
  public String dateTime(Instant moment) {
    if (moment == null) {
      return "";
    }
    Locale locale = LocaleContextHolder.getLocale();
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
        .withDecimalStyle(DecimalStyle.of(locale)).withZone(ZoneOffset.UTC).format(moment) + " UTC";
  }

  /** The machine-readable form for {@code <time datetime>}. */
  public String iso(TemporalAccessor day) {
    return day == null ? "" : day instanceof Instant instant ? instant.toString() : LocalDate.from(day).toString();
  }

  /** How a due date stands from today: "in 3 days", "today", "2 days overdue". */
  public String due(Instant due) {
    if (due == null) {
      return "";
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    long days = ChronoUnit.DAYS.between(today, due.atZone(ZoneOffset.UTC).toLocalDate());
    if (due.isBefore(clock.instant())) {
      return Messages.get("due.overdue", Math.max(1, -days));
    }
    return Messages.get("due.in", days);
  }

  public String number(Number value) {
    return value == null ? "" : NumberFormat.getInstance(LocaleContextHolder.getLocale()).format(value);
  }

  /** An exact amount with every decimal it has, none dropped or rounded (1,250,000.50, not 1,250,000.5). */
  public String exact(BigDecimal value) {
    if (value == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getInstance(LocaleContextHolder.getLocale());
    format.setMinimumFractionDigits(Math.max(0, value.scale()));
    format.setMaximumFractionDigits(Math.max(0, value.scale()));
    return format.format(value);
  }

  /**
   * A decimal number for an input, to be read back by {@link #parseDecimal}: without grouping or trailing zeros
   * (70, not 70.0000), its decimal point a dot, or the language's own separator where a dot groups thousands
   * (Spanish, say).
   */
  public static String plainDecimal(BigDecimal value, Locale locale) {
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
    String plain = value.stripTrailingZeros().toPlainString();
    return symbols.getGroupingSeparator() == '.' ? plain.replace('.', symbols.getDecimalSeparator()) : plain;
  }

  /**
   * A decimal number as a person of that language types it: {@code 1,250,000.50} in English, {@code 1 250 000,50}
   * in French, with or without the grouping, the digits of the language or ASCII ones. A dot is a decimal point
   * in every language too, so {@code 2.5} is always two and a half.
   *
   * @throws NumberFormatException when the text is not such a number, whatever the language
   */
  public static BigDecimal parseDecimal(String text, Locale locale) {
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
    char decimal = symbols.getDecimalSeparator();
    char grouping = symbols.getGroupingSeparator();
    StringBuilder plain = new StringBuilder();
    for (char c : text.trim().toCharArray()) {
      if (Character.isDigit(c)) {
        plain.append(Character.forDigit(Character.digit(c, 10), 10));
      } else if (c == decimal || (c == '.' && grouping != '.')) {
        plain.append('.');
      } else if (c == '-' || c == symbols.getMinusSign()) {
        plain.append('-');
      } else if (c != grouping && !Character.isSpaceChar(c)) {
        throw new NumberFormatException("Not a number in " + locale + ": " + text);
      }
    }
    return new BigDecimal(plain.toString());
  }
}
