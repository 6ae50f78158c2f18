package org.ncs.lifecycle;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ncs.lifecycle.FormView.Condition;

/**
 * The answers of a form as a browser sends them (every value text, a checklist as repeated values) turned into the
 * values the form's fields take, as the API receives them: a number is a number, a checklist a list, an empty
 * input no answer. A value that cannot be read as its field's kind stays text, so that the form's rules refuse it
 * with the field's own message. A field its condition hides is not answered, as the form viewer does.
 */
public final class FormAnswers {

  private FormAnswers() {
  }

  public static Map<String, Object> of(List<FormField> fields, Map<String, List<String>> sent) {
    Map<String, Object> answers = new LinkedHashMap<>();
    for (FormField field : fields) {
      List<String> values = sent.getOrDefault(field.key(), List.of()).stream()
          .filter(value -> value != null && !value.isBlank()).toList();
      if (field.readonly()) {
        continue;
      }
      if (field.isMultiple()) {
        if (sent.containsKey(field.key())) {
          answers.put(field.key(), values);
        }
      } else if (field.type().equals("checkbox")) {
        answers.put(field.key(), values.contains("true"));
      } else if (!values.isEmpty()) {
        String value = field.type().equals("textarea") ? values.get(0) : values.get(0).trim();
        answers.put(field.key(), field.type().equals("number") ? number(value) : value);
      }
    }
    for (FormField field : fields) {
      Condition.ofHideExpression(field.hideWhen())
          .filter(condition -> !condition.shows(answers))
          .ifPresent(hidden -> answers.remove(field.key()));
    }
    return answers;
  }

  /** A whole number as a long, any other as a double: the values a JSON number becomes in the API. */
  private static Object number(String text) {
    try {
      BigDecimal number = new BigDecimal(text);
      BigDecimal whole = number.stripTrailingZeros();
      if (whole.scale() <= 0 && whole.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
        return whole.longValueExact();
      }
      return number.doubleValue();
    } catch (NumberFormatException e) {
      return text;
    }
  }
}
