package org.ncs.lifecycle;

import java.math.BigDecimal;
import java.util.List;

/**
 * One field a task's form asks for, with its rules, so that a client can build its own form or check its input
 * before completing the task.
 *
 * @param hideWhen FEEL condition under which the form hides the field; a hidden field is not required
 */
public record FormFieldView(
    String key,
    String type,
    String label,
    boolean required,
    Integer minLength,
    Integer maxLength,
    BigDecimal min,
    BigDecimal max,
    String pattern,
    List<String> options,
    String hideWhen) {

  static FormFieldView of(FormField field) {
    return new FormFieldView(field.key(), field.type(), field.name(), field.required(), field.minLength(),
        field.maxLength(), field.min(), field.max(), field.pattern(), field.options(), field.hideWhen());
  }
}
