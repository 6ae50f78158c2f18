package org.ncs.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.json.SpinJsonNode;
import org.ncs.web.FieldError;
import org.ncs.web.Messages;
import org.ncs.web.PlausibleDate;

/**
 * A task's Camunda Form as the server understands it: its inputs and their rules, applied to the variables a
 * completion leaves in the task's scope with the same meaning the form viewer gives them, so that a REST
 * client is held to what the form asks of a person.
 *
 * @param components the form's components as its JSON has them, for showing the form ({@link FormViews})
 */
record TaskForm(String id, List<FormField> fields, JsonNode components) {

  private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "datetime", "radio",
      "select", "checklist", "taglist", "checkbox");
  private static final Pattern EMAIL = Pattern.compile(
      "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9]"
          + "(?:[a-zA-Z0-9-]{0,60}[a-zA-Z0-9])?)+$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{8,20}$");
  /** Numbers beyond this are typing mistakes where the form sets no maximum (a budget of a trillion, say). */
  static final BigDecimal LARGEST_NUMBER = new BigDecimal("1000000000000");
  /** In a date rule ({@code after}, {@code notAfter}), the day of the answer; otherwise a rule names a field. */
  static final String TODAY = "today";

  static TaskForm parse(String json, ObjectMapper mapper) {
    try {
      JsonNode form = mapper.readTree(json);
      List<FormField> fields = new ArrayList<>();
      collect(form.path("components"), fields);
      return new TaskForm(form.path("id").asText(null), List.copyOf(fields), form.path("components"));
    } catch (IOException e) {
      throw new IllegalArgumentException("not a Camunda Form: " + e.getMessage(), e);
    }
  }

  private static void collect(JsonNode components, List<FormField> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (INPUT_TYPES.contains(type) && component.hasNonNull("key")) {
        JsonNode validate = component.path("validate");
        fields.add(new FormField(
            component.get("key").asText(),
            type,
            text(component, "label", text(component, "dateLabel", null)),
            validate.path("required").asBoolean(false),
            integer(validate, "minLength"),
            integer(validate, "maxLength"),
            decimal(validate, "min"),
            decimal(validate, "max"),
            text(validate, "pattern", null),
            text(validate, "validationType", null),
            StreamSupport.stream(component.path("values").spliterator(), false)
                .map(option -> option.path("value").asText())
                .toList(),
            hideCondition(component.path("conditional").path("hide")),
            component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false),
            text(component, "subtype", null),
            integer(component, "decimalDigits"),
            text(component.path("properties"), "patternMessage", null),
            list(component.path("properties"), "after"),
            list(component.path("properties"), "notAfter"),
            text(component, "valuesKey", null),
            text(component.path("properties"), "eitherOr", null),
            component.path("properties").path("returnReasons").asBoolean(false)));
      }
      collect(component.path("components"), fields);
    }
  }

  /** The value of each field as it stands in the scope, for the record of what the task produced. */
  Map<String, Object> values(Map<String, Object> variables) {
    Map<String, Object> values = new LinkedHashMap<>();
    fields.forEach(field -> {
      Object value = variables.get(field.key());
      if (value != null) {
        values.put(field.key(), value);
      }
    });
    return values;
  }

  /** Why the decision sends work back, from its reasons fields that are shown and answered; null if none. */
  String reasons(Map<String, Object> variables, Predicate<FormField> hidden) {
    String reasons = fields.stream()
        .filter(field -> field.returnReasons() && !(field.hideWhen() != null && hidden.test(field)))
        .map(field -> variables.get(field.key()))
        .filter(value -> !isEmpty(value))
        .map(value -> value.toString().trim())
        .collect(Collectors.joining("\n\n"));
    return reasons.isEmpty() ? null : reasons;
  }

  /**
   * What is wrong with the variables as answers to this form, field by field, in the form's order.
   *
   * @param hidden tells whether a field's FEEL hide condition holds for these variables
   * @param choices the options of a choice whose options depend on the engagement, by its {@code valuesKey}
   */
  List<FieldError> validate(Map<String, Object> variables, Predicate<FormField> hidden,
      Function<String, List<String>> choices) {
    List<FieldError> errors = new ArrayList<>();
    for (FormField field : fields) {
      if (field.readonly() || (field.hideWhen() != null && hidden.test(field))) {
        continue;
      }
      String problem = problem(field, variables.get(field.key()), variables, choices);
      if (problem != null) {
        errors.add(new FieldError(field.key(), problem));
      }
    }
    return errors;
  }

  private String problem(FormField field, Object value, Map<String, Object> variables,
      Function<String, List<String>> choices) {
    if (isEmpty(value)) {
      if (field.eitherOr() != null && isEmpty(variables.get(field.eitherOr()))) {
        return Messages.get("validation.eitherOr", fields.stream().filter(other -> other.key()
            .equals(field.eitherOr())).findFirst().map(FormField::name).orElse(field.eitherOr()));
      }
      return field.required() ? Messages.get("validation.required") : null;
    }
    List<String> options = field.valuesKey() == null ? field.options() : choices.apply(field.valuesKey());
    return switch (field.type()) {
      case "textfield", "textarea" -> textProblem(field, value);
      case "number" -> numberProblem(field, value);
      case "datetime" -> dateProblem(field, value, variables);
      case "radio", "select" -> options.contains(value.toString()) ? null : field.valuesKey() != null
          ? Messages.get("validation.choiceGone") : Messages.get("validation.option", String.join(", ", options));
      case "checklist", "taglist" -> listProblem(field, value);
      case "checkbox" -> value instanceof Boolean ? null : Messages.get("validation.boolean");
      default -> null;
    };
  }

  private String textProblem(FormField field, Object value) {
    if (!(value instanceof String text)) {
      return Messages.get("validation.text");
    }
    int length = text.trim().length();
    if (field.minLength() != null && length < field.minLength()) {
      return Messages.get("validation.minLength", field.minLength());
    }
    if (field.maxLength() != null && length > field.maxLength()) {
      return Messages.get("validation.maxLength", field.maxLength());
    }
    if (field.pattern() != null && !matches(field.pattern(), text)) {
      return field.patternMessage() == null ? Messages.get("validation.pattern")
          : Messages.getOrDefault(id + "." + field.key() + ".patternMessage", field.patternMessage());
    }
    if ("email".equals(field.validationType()) && !EMAIL.matcher(text).matches()) {
      return Messages.get("validation.email");
    }
    if ("phone".equals(field.validationType()) && !PHONE.matcher(text).matches()) {
      return Messages.get("validation.phone");
    }
    return null;
  }

  /** The form viewer tests patterns with JavaScript's RegExp.test: a match anywhere counts, as with find(). */
  private static boolean matches(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).find();
    } catch (PatternSyntaxException e) {
      throw new IllegalStateException("The form's pattern " + pattern + " is not a valid regular expression", e);
    }
  }

  private static String numberProblem(FormField field, Object value) {
    BigDecimal number;
    try {
      number = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      return Messages.get("validation.number");
    }
    if (field.decimalDigits() != null && Math.max(number.stripTrailingZeros().scale(), 0) > field.decimalDigits()) {
      return field.decimalDigits() == 0 ? Messages.get("validation.wholeNumber")
          : Messages.get("validation.decimalDigits", field.decimalDigits());
    }
    if (field.min() != null && number.compareTo(field.min()) < 0) {
      return Messages.get("validation.min", field.min().toPlainString());
    }
    BigDecimal max = field.max() != null ? field.max() : LARGEST_NUMBER;
    if (number.compareTo(max) > 0) {
      return Messages.get("validation.max", max.toPlainString());
    }
    if (field.min() == null && number.compareTo(LARGEST_NUMBER.negate()) < 0) {
      return Messages.get("validation.min", LARGEST_NUMBER.negate().toPlainString());
    }
    return null;
  }

  private String dateProblem(FormField field, Object value, Map<String, Object> variables) {
    String subtype = field.subtype() == null ? "date" : field.subtype();
    if (subtype.equals("time")) {
      return time(value) == null ? Messages.get("validation.time") : null;
    }
    LocalDate date = date(value);
    if (date == null) {
      return Messages.get(subtype.equals("datetime") ? "validation.datetime" : "validation.date");
    }
    // whatever the form says, a date outside these is a typing mistake
    if (date.isBefore(PlausibleDate.EARLIEST) || date.isAfter(PlausibleDate.LATEST)) {
      return Messages.get("validation.dateRange", PlausibleDate.EARLIEST, PlausibleDate.LATEST);
    }
    // today somewhere: what is not in the future anywhere yet, what is in the future everywhere already
    Instant now = ClockUtil.getCurrentTime().toInstant();
    for (String bound : field.after()) {
      LocalDate other = bound.equals(TODAY) ? now.atZone(PlausibleDate.EARLIEST_ZONE).toLocalDate()
          : date(variables.get(bound));
      if (other != null && !date.isAfter(other)) {
        return bound.equals(TODAY) ? Messages.get("validation.afterToday")
            : Messages.get("validation.afterField", label(bound));
      }
    }
    for (String bound : field.notAfter()) {
      LocalDate other = bound.equals(TODAY) ? now.atZone(PlausibleDate.LATEST_ZONE).toLocalDate()
          : date(variables.get(bound));
      if (other != null && date.isAfter(other)) {
        return bound.equals(TODAY) ? Messages.get("validation.notAfterToday")
            : Messages.get("validation.notAfterField", label(bound));
      }
    }
    return null;
  }

  /** A date answer as the form viewer sends it (yyyy-mm-dd, or a date and time), null if it is none. */
  private static LocalDate date(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
    if (value == null) {
      return null;
    }
    String text = value.toString();
    try {
      return text.length() > 10 ? OffsetDateTime.parse(text).toLocalDate() : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static LocalTime time(Object value) {
    String text = value.toString();
    try {
      return LocalTime.parse(text.length() > 8 ? text.substring(0, 8) : text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** How the form names a field, for messages about another field. */
  private String label(String key) {
    return fields.stream().filter(field -> field.key().equals(key)).findFirst().map(FormField::name).orElse(key);
  }


  private static String listProblem(FormField field, Object value) {
    List<String> chosen = asList(value);
    if (chosen == null) {
      return Messages.get("validation.list", String.join(", ", field.options()));
    }
    List<String> unknown = chosen.stream().filter(v -> !field.options().contains(v)).toList();
    return unknown.isEmpty() ? null
        : Messages.get("validation.listUnknown", String.join(", ", unknown), String.join(", ", field.options()));
  }

  /** A multiple choice as strings, from a list, a JSON array variable or a JSON array text; null if none. */
  static List<String> asList(Object value) {
    if (value instanceof Collection<?> collection) {
      return collection.stream().map(String::valueOf).toList();
    }
    if (value instanceof SpinJsonNode node && node.isArray()) {
      return node.elements().stream().map(e -> e.isString() ? e.stringValue() : e.toString()).toList();
    }
    if (value instanceof String text && text.trim().startsWith("[")) {
      try {
        JsonNode array = new ObjectMapper().readTree(text);
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).collect(Collectors.toList());
      } catch (IOException e) {
        return null;
      }
    }
    return null;
  }

  private static boolean isEmpty(Object value) {
    if (value == null || (value instanceof String s && s.isBlank()) || Boolean.FALSE.equals(value)) {
      return true;
    }
    List<String> list = asList(value);
    return list != null && list.isEmpty();
  }

  private static String hideCondition(JsonNode hide) {
    if (!hide.isTextual() || hide.asText().isBlank()) {
      return null;
    }
    String expression = hide.asText().trim();
    return expression.startsWith("=") ? expression.substring(1) : expression;
  }

  private static String text(JsonNode node, String field, String fallback) {
    return node.hasNonNull(field) ? node.get(field).asText() : fallback;
  }

  /** A custom property listing several values, comma-separated. */
  private static List<String> list(JsonNode node, String field) {
    return node.hasNonNull(field) ? Arrays.stream(node.get(field).asText().split(",")).map(String::trim)
        .filter(item -> !item.isEmpty()).toList() : List.of();
  }

  private static Integer integer(JsonNode node, String field) {
    return node.path(field).isNumber() ? node.get(field).intValue() : null;
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    return node.path(field).isNumber() ? node.get(field).decimalValue() : null;
  }
}
