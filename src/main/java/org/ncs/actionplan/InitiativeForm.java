package org.ncs.actionplan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ncs.actionplan.ActionPlanRequests.BudgetLineRequest;
import org.ncs.actionplan.ActionPlanRequests.InitiativeRequest;
import org.ncs.actionplan.ActionPlanRequests.KpiRequest;
import org.ncs.actionplan.ActionPlanRequests.MilestoneRequest;
import org.ncs.actionplan.ActionPlanViews.GuideRef;
import org.ncs.actionplan.ActionPlanViews.InitiativeView;
import org.ncs.actionplan.Initiative.Funding;
import org.ncs.actionplan.Initiative.KpiKind;
import org.ncs.actionplan.Initiative.Priority;
import org.ncs.actionplan.Initiative.Status;
import org.ncs.web.FieldError;
import org.ncs.web.Formats;
import org.ncs.web.Messages;
import org.springframework.util.MultiValueMap;

/**
 * The initiative's page form: its fields named as the API names them ({@code budget[1].amount}), so that the API's
 * field errors land beside the inputs they are about. Rows of milestones, budget lines and indicators left blank
 * are no rows; the rows kept are numbered again from 0, in the values shown back as in the request. Numbers are read
 * as the reader's language writes them.
 */
final class InitiativeForm {

  /** What the form shows: every input's value, and how many rows each list has. */
  record Values(Map<String, String> fields, List<String> elements, int milestones, int budget, int kpis) {
  }

  /** A request, or what keeps the form's text from being one (a date that is no date, say). */
  record Parsed(InitiativeRequest request, List<FieldError> errors, Values values) {
  }

  static final String[] MILESTONE = {"key", "title", "dueDate"};
  static final String[] BUDGET_LINE = {"key", "description", "amount", "currency", "funding", "committed"};
  static final String[] KPI = {"key", "indicator", "unit", "baseline", "target", "targetDate", "kind"};

  private InitiativeForm() {
  }

  static Values of(InitiativeView initiative, Locale locale) {
    Map<String, String> fields = new HashMap<>();
    fields.put("title", initiative.title());
    fields.put("objective", initiative.objective());
    fields.put("focusArea", initiative.focusArea().id());
    fields.put("leadAgency", initiative.leadAgency());
    fields.put("contributingAgencies", String.join("\n", initiative.contributingAgencies()));
    fields.put("priority", initiative.priority().name());
    fields.put("status", initiative.status().name());
    fields.put("startDate", initiative.startDate().toString());
    fields.put("endDate", initiative.endDate().toString());
    fields.put("version", Long.toString(initiative.version()));
    for (int i = 0; i < initiative.milestones().size(); i++) {
      var milestone = initiative.milestones().get(i);
      row(fields, "milestones", i, milestone.key(), milestone.title(), milestone.dueDate().toString());
    }
    for (int i = 0; i < initiative.budget().size(); i++) {
      var line = initiative.budget().get(i);
      row(fields, "budget", i, line.key(), line.description(), Formats.plainDecimal(line.amount(), locale),
          line.currency(), line.funding().name(), Boolean.toString(line.committed()));
    }
    for (int i = 0; i < initiative.kpis().size(); i++) {
      var kpi = initiative.kpis().get(i);
      row(fields, "kpis", i, kpi.key(), kpi.indicator(), kpi.unit(), Formats.plainDecimal(kpi.baseline(), locale),
          Formats.plainDecimal(kpi.target(), locale), kpi.targetDate().toString(), kpi.kind().name());
    }
    return new Values(fields, initiative.elements().stream().map(GuideRef::id).toList(),
        initiative.milestones().size(), initiative.budget().size(), initiative.kpis().size());
  }

  static Values blank() {
    return new Values(Map.of("priority", Priority.MEDIUM.name()), List.of(), 0, 0, 0);
  }

  static Parsed parse(MultiValueMap<String, String> params, Locale locale) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, String> fields = new HashMap<>();
    for (String name : List.of("title", "objective", "focusArea", "leadAgency", "contributingAgencies",
        "priority", "status", "startDate", "endDate", "version")) {
      fields.put(name, trimmed(params.getFirst(name)));
    }
    List<Map<String, String>> milestones = rows(params, "milestones", MILESTONE);
    List<Map<String, String>> budget = rows(params, "budget", BUDGET_LINE);
    List<Map<String, String>> kpis = rows(params, "kpis", KPI);
    copy(fields, "milestones", milestones);
    copy(fields, "budget", budget);
    copy(fields, "kpis", kpis);
    List<String> elements = params.getOrDefault("elements", List.of()).stream().filter(e -> !e.isBlank()).toList();
    FormInput read = new FormInput(errors, locale);
    InitiativeRequest request = new InitiativeRequest(fields.get("title"), fields.get("objective"),
        fields.get("focusArea"), elements, fields.get("leadAgency"),
        fields.get("contributingAgencies") == null ? List.of() : Arrays.stream(fields.get("contributingAgencies")
            .split("\\R")).map(String::trim).filter(agency -> !agency.isEmpty()).toList(),
        read.choice("priority", fields.get("priority"), Priority::valueOf),
        read.choice("status", fields.get("status"), Status::valueOf),
        read.date("startDate", fields.get("startDate")), read.date("endDate", fields.get("endDate")),
        indexed(milestones, (row, at) -> new MilestoneRequest(row.get("key"), row.get("title"),
            read.date(at + "dueDate", row.get("dueDate"))), "milestones"),
        indexed(budget, (row, at) -> new BudgetLineRequest(row.get("key"), row.get("description"),
            read.number(at + "amount", row.get("amount")), row.get("currency"),
            read.choice(at + "funding", row.get("funding"), Funding::valueOf),
            row.get("committed") == null ? null : Boolean.valueOf(row.get("committed"))), "budget"),
        indexed(kpis, (row, at) -> new KpiRequest(row.get("key"), row.get("indicator"), row.get("unit"),
            read.number(at + "baseline", row.get("baseline")), read.number(at + "target", row.get("target")),
            read.date(at + "targetDate", row.get("targetDate")),
            read.choice(at + "kind", row.get("kind"), KpiKind::valueOf)), "kpis"),
        version(fields.get("version"), errors));
    return new Parsed(request, errors, new Values(fields, elements, milestones.size(), budget.size(),
        kpis.size()));
  }

  /** The rows of a list as sent, those left blank (a key alone is not an entry) left out. */
  private static List<Map<String, String>> rows(MultiValueMap<String, String> params, String list,
      String[] columns) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Map<String, String> row = new HashMap<>();
      boolean filled = false;
      for (String column : columns) {
        String value = trimmed(params.getFirst(list + "[" + i + "]." + column));
        row.put(column, value);
        filled |= value != null && !column.equals("key") && !column.equals("committed") && !column.equals("funding")
            && !column.equals("kind");
      }
      if (filled) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static void copy(Map<String, String> fields, String list, List<Map<String, String>> rows) {
    for (int i = 0; i < rows.size(); i++) {
      int at = i;
      rows.get(i).forEach((column, value) -> fields.put(list + "[" + at + "]." + column, value));
    }
  }

  private interface RowReader<T> {
    T read(Map<String, String> row, String at);
  }

  private static <T> List<T> indexed(List<Map<String, String>> rows, RowReader<T> reader, String list) {
    List<T> read = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      read.add(reader.read(rows.get(i), list + "[" + i + "]."));
    }
    return read;
  }

  private static void row(Map<String, String> fields, String list, int index, String... values) {
    String[] columns = switch (list) {
      case "milestones" -> MILESTONE;
      case "budget" -> BUDGET_LINE;
      default -> KPI;
    };
    for (int c = 0; c < columns.length; c++) {
      fields.put(list + "[" + index + "]." + columns[c], values[c]);
    }
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** The version the form was made from: one that is not a number is refused, never left unchecked. */
  private static Long version(String text, List<FieldError> errors) {
    try {
      return text == null ? null : Long.valueOf(text);
    } catch (NumberFormatException notANumber) {
      errors.add(new FieldError("version", Messages.get("validation.invalid")));
      return null;
    }
  }
}
