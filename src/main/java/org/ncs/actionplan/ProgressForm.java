package org.ncs.actionplan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.ncs.actionplan.ActionPlanRequests.ActualValue;
import org.ncs.actionplan.ActionPlanRequests.MilestoneReached;
import org.ncs.actionplan.ActionPlanRequests.ProgressEntry;
import org.ncs.actionplan.ActionPlanRequests.ProgressReportRequest;
import org.ncs.actionplan.ActionPlanRequests.SpendToDate;
import org.ncs.actionplan.ActionPlanViews.InitiativeView;
import org.ncs.actionplan.Initiative.BudgetLine;
import org.ncs.actionplan.Initiative.Kpi;
import org.ncs.actionplan.Initiative.Milestone;
import org.ncs.actionplan.Initiative.Status;
import org.ncs.web.FieldError;
import org.ncs.web.Formats;
import org.springframework.util.MultiValueMap;

/**
 * The progress report's page form: a row per initiative of the plan, in the plan's order, and in it an input per
 * indicator, milestone and budget currency of the initiative. Inputs are named as the API's fields; an input left
 * blank (an indicator not measured, a milestone not reached) is no item, and the API's errors about the items sent
 * are led back to the inputs they came from.
 */
final class ProgressForm {

  /**
   * @param fields every input's value
   * @param errors the problems found reading the inputs, under their names
   * @param inputOf for each item sent ({@code entries[0].kpis[0].}), the input it came from
   */
  record Parsed(ProgressReportRequest request, Map<String, String> fields, List<FieldError> errors,
      Map<String, String> inputOf) {
  }

  private ProgressForm() {
  }

  /** The currencies an initiative's spend is reported in: those of its budget lines. */
  static List<String> currencies(InitiativeView initiative) {
    return List.copyOf(new TreeSet<>(initiative.budget().stream().map(BudgetLine::currency).toList()));
  }

  /** The inputs' values from a report (the draft: the last report carried forward). */
  static Map<String, String> of(ProgressReportRequest report, List<InitiativeView> plan, Locale locale) {
    Map<String, String> fields = new HashMap<>();
    fields.put("periodEnd", String.valueOf(report.periodEnd()));
    for (int i = 0; i < plan.size(); i++) {
      InitiativeView initiative = plan.get(i);
      String at = "entries[" + i + "].";
      ProgressEntry entry = report.entries().stream().filter(e -> e.initiativeId().equals(initiative.id()))
          .findFirst().orElse(null);
      fields.put(at + "status", entry == null ? initiative.status().name() : entry.status().name());
      fields.put(at + "narrative", entry == null ? null : entry.narrative());
      for (int j = 0; j < initiative.kpis().size(); j++) {
        String key = initiative.kpis().get(j).key();
        fields.put(at + "kpis[" + j + "].actual", entry == null ? null : entry.kpis().stream()
            .filter(actual -> actual.key().equals(key)).map(actual -> Formats.plainDecimal(actual.actual(), locale))
            .findFirst().orElse(null));
      }
      for (int j = 0; j < initiative.milestones().size(); j++) {
        String key = initiative.milestones().get(j).key();
        fields.put(at + "milestones[" + j + "].reachedOn", entry == null ? null : entry.milestones().stream()
            .filter(reached -> reached.key().equals(key)).map(reached -> reached.reachedOn().toString())
            .findFirst().orElse(null));
      }
      List<String> currencies = currencies(initiative);
      for (int j = 0; j < currencies.size(); j++) {
        String currency = currencies.get(j);
        fields.put(at + "spend[" + j + "].amount", entry == null ? null : entry.spend().stream()
            .filter(spent -> spent.currency().equals(currency))
            .map(spent -> Formats.plainDecimal(spent.amount(), locale))
            .findFirst().orElse(null));
      }
    }
    return fields;
  }

  static Parsed parse(MultiValueMap<String, String> params, List<InitiativeView> plan, Locale locale) {
    Map<String, String> fields = new HashMap<>();
    List<FieldError> errors = new ArrayList<>();
    Map<String, String> inputOf = new HashMap<>();
    FormInput read = new FormInput(errors, locale);
    LocalDate periodEnd = read.date("periodEnd", value(params, "periodEnd", fields));
    List<ProgressEntry> entries = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      InitiativeView initiative = plan.get(i);
      String at = "entries[" + i + "].";
      Status status = read.choice(at + "status", value(params, at + "status", fields), Status::valueOf);
      List<ActualValue> actuals = new ArrayList<>();
      for (int j = 0; j < initiative.kpis().size(); j++) {
        Kpi kpi = initiative.kpis().get(j);
        String input = at + "kpis[" + j + "].actual";
        BigDecimal actual = read.number(input, value(params, input, fields));
        if (actual != null) {
          inputOf.put(at + "kpis[" + actuals.size() + "].", input);
          actuals.add(new ActualValue(kpi.key(), actual));
        }
      }
      List<MilestoneReached> reached = new ArrayList<>();
      for (int j = 0; j < initiative.milestones().size(); j++) {
        Milestone milestone = initiative.milestones().get(j);
        String input = at + "milestones[" + j + "].reachedOn";
        LocalDate on = read.date(input, value(params, input, fields));
        if (on != null) {
          inputOf.put(at + "milestones[" + reached.size() + "].", input);
          reached.add(new MilestoneReached(milestone.key(), on));
        }
      }
      List<SpendToDate> spend = new ArrayList<>();
      List<String> currencies = currencies(initiative);
      for (int j = 0; j < currencies.size(); j++) {
        String input = at + "spend[" + j + "].amount";
        BigDecimal amount = read.number(input, value(params, input, fields));
        if (amount != null) {
          inputOf.put(at + "spend[" + spend.size() + "].", input);
          spend.add(new SpendToDate(currencies.get(j), amount));
        }
      }
      entries.add(new ProgressEntry(initiative.id(), status, value(params, at + "narrative", fields), actuals,
          reached, spend));
    }
    return new Parsed(new ProgressReportRequest(periodEnd, entries), fields, errors, inputOf);
  }

  /** The input an error of the request is about: an item's input, or the field itself. */
  static String input(Parsed form, String field) {
    return form.inputOf().entrySet().stream().filter(item -> field.startsWith(item.getKey()))
        .map(Map.Entry::getValue).findFirst().orElse(field);
  }

  private static String value(MultiValueMap<String, String> params, String name, Map<String, String> fields) {
    String text = params.getFirst(name);
    String value = text == null || text.isBlank() ? null : text.trim();
    fields.put(name, value);
    return value;
  }
}
