package org.ncs.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A date a person could mean in this service's work: from 1990 to 2100. Anything else (year 57607, year 0) is a
 * typing mistake, and would otherwise be stored or drive a timer.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlausibleDate.Check.class)
public @interface PlausibleDate {

  LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
  LocalDate LATEST = LocalDate.of(2100, 12, 31);
  /** Where a day starts first (UTC+14) and last (UTC-12): "today" is a day in one of them or between. */
  ZoneOffset LATEST_ZONE = ZoneOffset.ofHours(14);
  ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(-12);

  String message() default "{validation.plausibleDate}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<PlausibleDate, LocalDate> {

    @Override
    public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
      return date == null || !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }
  }
}
