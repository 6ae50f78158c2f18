package org.ncs.lifecycle;

import java.math.BigDecimal;
import java.util.List;

/**
 * One input of a task's Camunda Form with the rules the form declares for it, as the server enforces them and as
 * API clients can read them before completing the task.
 *
 * @param hideWhen FEEL condition under which the form hides the field; a hidden field is neither shown nor checked
 * @param readonly shown for information; not an answer
 */
public record FormField(
    String key,
    String type,
    String label,
    boolean required,
    Integer minLength,
    Integer maxLength,
    BigDecimal min,
    BigDecimal max,
    String pattern,
    String validationType,
    List<String> options,
    String hideWhen,
    boolean readonly,
    String subtype,
    Integer decimalDigits) {

  /** A choice between options (radio buttons or a drop-down): asked afresh every time the task comes round. */
  boolean isChoice() {
    return type.equals("radio") || type.equals("select");
  }

  boolean isMultiple() {
    return type.equals("checklist") || type.equals("taglist");
  }

  String name() {
    return label == null || label.isBlank() ? key : label;
  }
}
