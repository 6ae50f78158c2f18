package org.ncs.lifecycle;

import java.math.BigDecimal;
import java.util.List;

/**
 * One input of a task's Camunda Form with the rules the form declares for it, as the server enforces them and as
 * API clients can read them before completing the task.
 *
 * @param hideWhen FEEL condition under which the form hides the field; a hidden field is neither shown nor checked
 * @param readonly shown for information; not an answer
 * @param patternMessage what the pattern asks for, in words (the form's custom property {@code patternMessage})
 * @param after for a date, what it must come after: {@code today} or another field's key (custom property
 *     {@code after}, comma-separated)
 * @param notAfter for a date, what it must not come after: {@code today} or another field's key
 * @param valuesKey for a choice whose options depend on the engagement (its documents, say), their source: a
 *     {@link FormChoices} of that key
 * @param eitherOr another field's key: one of the two must be answered (a document, or a link instead); custom
 *     property {@code eitherOr}
 * @param returnReasons why a decision sends work back (custom property {@code returnReasons}): said to those who
 *     get the work back, in their notification
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
    Integer decimalDigits,
    String patternMessage,
    List<String> after,
    List<String> notAfter,
    String valuesKey,
    String eitherOr,
    boolean returnReasons) {

  /**
   * A decision between options (radio buttons or a drop-down): asked afresh every time the task comes round. A
   * document chosen among the engagement's is an answer like a text, offered again as it was.
   */
  boolean isChoice() {
    return type.equals("radio") || type.equals("select") && valuesKey == null;
  }

  boolean isMultiple() {
    return type.equals("checklist") || type.equals("taglist");
  }

  String name() {
    return label == null || label.isBlank() ? key : label;
  }
}
