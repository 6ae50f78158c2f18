package org.ncs.lifecycle;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task's form as a person sees it, in their language: its parts in the form's order, each input with what is
 * filled in so far. The rules are its fields', the same the service enforces ({@link FormField}).
 */
public record FormView(String formId, List<Part> parts) {

  /**
   * One component of the form: a text (then {@code html} is set) or an input (then {@code field} is).
   *
   * @param html a text's content as safe HTML, its variables filled in
   * @param condition when the input is shown, if not always
   * @param shownWhen the condition in words, for those who see every input (a browser without JavaScript)
   * @param value what the input holds: its earlier answer or what was just sent
   */
  public record Part(String id, String type, FormField field, String label, String description, String html,
      List<Option> options, Condition condition, String shownWhen, Object value) {

    public boolean isText() {
      return field == null;
    }

    /** The value as the input's text: numbers without exponent, lists not at all. */
    public String text() {
      if (value == null || value instanceof Collection<?>) {
        return "";
      }
      return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    /** Whether a radio button, option or checkbox of this value is the answer (or one of the answers). */
    public boolean selected(String option) {
      if (value instanceof Collection<?> answers) {
        return answers.stream().anyMatch(answer -> Objects.equals(Objects.toString(answer), option));
      }
      return value != null && Objects.equals(value.toString(), option);
    }
  }

  public record Option(String value, String label) {
  }

  /**
   * When an input is shown: only while the field {@code key} has the answer {@code value} ({@code showIfEquals}),
   * or only while it has not. Forms state it as FEEL ({@code =decision != "adopted"}); these two shapes are the
   * ones the pages can apply as the person answers, and every form keeps to them.
   */
  public record Condition(String key, String value, boolean showIfEquals) {

    private static final Pattern COMPARISON = Pattern.compile(
        "^=?\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(!=|=)\\s*\"([^\"]*)\"\\s*$");

    /** The condition of a FEEL hide expression, if it has one of the two shapes. */
    static Optional<Condition> ofHideExpression(String feel) {
      if (feel == null) {
        return Optional.empty();
      }
      Matcher matcher = COMPARISON.matcher(feel);
      if (!matcher.matches()) {
        return Optional.empty();
      }
      // hidden while different from the value = shown while equal to it
      return Optional.of(new Condition(matcher.group(1), matcher.group(3), matcher.group(2).equals("!=")));
    }

    /** Whether the input is shown with these answers. */
    public boolean shows(Map<String, ?> answers) {
      boolean equal = Objects.equals(Objects.toString(answers.get(key), ""), value);
      return showIfEquals == equal;
    }
  }
}
