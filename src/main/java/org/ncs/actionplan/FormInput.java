package org.ncs.actionplan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.ncs.web.FieldError;
import org.ncs.web.Formats;
import org.ncs.web.Messages;

/**
 * Reads the typed values of a page's form, each blank input as none, and notes each that is not of its type under
 * its input's name: dates as the date picker sends them, numbers as the reader's language writes them.
 */
record FormInput(List<FieldError> errors, Locale locale) {

  LocalDate date(String field, String text) {
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException notADate) {
      errors.add(new FieldError(field, Messages.get("validation.date")));
      return null;
    }
  }

  BigDecimal number(String field, String text) {
    try {
      return text == null ? null : Formats.parseDecimal(text, locale);
    } catch (NumberFormatException notANumber) {
      errors.add(new FieldError(field, Messages.get("validation.number")));
      return null;
    }
  }

  <E> E choice(String field, String text, Function<String, E> of) {
    try {
      return text == null ? null : of.apply(text);
    } catch (IllegalArgumentException unknown) {
      errors.add(new FieldError(field, Messages.get("validation.invalid")));
      return null;
    }
  }
}
