package org.ncs.actionplan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ncs.actionplan.ActionPlanViews.ActionPlanView;
import org.ncs.actionplan.ActionPlanViews.BudgetTotal;
import org.ncs.actionplan.ActionPlanViews.GuideRef;
import org.ncs.actionplan.ActionPlanViews.InitiativeView;
import org.ncs.actionplan.ProgressFigures.Execution;
import org.ncs.actionplan.ProgressFigures.Figures;
import org.ncs.actionplan.ProgressFigures.InitiativeFigures;
import org.ncs.actionplan.ProgressReports.Period;
import org.ncs.actionplan.ProgressReports.Progress;
import org.ncs.catalogue.Catalogue;
import org.ncs.catalogue.Edition;
import org.ncs.catalogue.FocusArea;
import org.ncs.engagement.Engagements;
import org.ncs.security.CurrentUser;
import org.ncs.web.Messages;
import org.ncs.web.PdfReports;
import org.ncs.web.Tables;
import org.ncs.web.Tables.Table;
import org.springframework.stereotype.Component;

/**
 * The action plan and its progress as files, in the reader's language: tables for CSV and XLSX (the same rows as
 * the API, amounts and percentages as numbers, each amount beside its currency) and a PDF report.
 */
@Component
class ActionPlanExports {

  private final ActionPlans plans;
  private final ProgressReports reports;
  private final PlanReviews reviews;
  private final Engagements engagements;
  private final Catalogue catalogue;
  private final PdfReports pdfs;

  ActionPlanExports(ActionPlans plans, ProgressReports reports, PlanReviews reviews, Engagements engagements,
      Catalogue catalogue, PdfReports pdfs) {
    this.plans = plans;
    this.reports = reports;
    this.reviews = reviews;
    this.engagements = engagements;
    this.catalogue = catalogue;
    this.pdfs = pdfs;
  }

  /**
   * The plan as a PDF report: how it is doing as of the latest progress report, by focus area and initiative;
   * then, unless {@code progressOnly}, its versions and each initiative in full.
   */
  byte[] report(String engagementId, boolean progressOnly, CurrentUser user, Locale locale) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("engagement", engagements.summary(engagementId, user, locale));
    variables.put("plan", plans.get(engagementId, user));
    Progress progress = reports.progress(engagementId, user);
    variables.put("progress", progress);
    variables.put("versions", progressOnly ? List.of() : reviews.versions(engagementId, user));
    // the figures' rows: the whole plan, then each focus area by its number and title
    Map<String, String> areas = areaNames(catalogue.current());
    Map<String, Figures> rows = new LinkedHashMap<>();
    if (progress.latest() != null) {
      rows.put(Messages.get(locale, "export.overall"), progress.latest().overall());
      progress.latest().focusAreas().forEach(area -> rows.put(areas.getOrDefault(area.focusArea(),
          area.focusArea()), area.figures()));
    }
    variables.put("rows", rows);
    variables.put("progressOnly", progressOnly);
    return pdfs.render("actionplan/plan-pdf", variables, locale);
  }

  /** The edition's focus areas by id, each as its number and title ("5.2 Incident management"). */
  static Map<String, String> areaNames(Edition edition) {
    return edition.focusAreas().stream()
        .collect(Collectors.toMap(FocusArea::id, area -> area.number() + " " + area.title()));
  }

  /** One row per initiative, its budget totalled per currency. */
  static Table initiatives(ActionPlanView plan, Locale locale) {
    List<List<Object>> rows = new ArrayList<>();
    for (InitiativeView initiative : plan.initiatives()) {
      rows.add(Arrays.asList(initiative.number(), initiative.title(), ref(initiative.focusArea()),
          initiative.elements().stream().map(ActionPlanExports::ref).collect(Collectors.joining("; ")),
          initiative.objective(), initiative.leadAgency(), String.join("; ", initiative.contributingAgencies()),
          label(locale, "priority", initiative.priority()), label(locale, "status", initiative.status()),
          initiative.startDate().toString(), initiative.endDate().toString(),
          label(locale, "origin", initiative.origin()), totals(initiative.budgetTotals(), true),
          totals(initiative.budgetTotals(), false)));
    }
    return new Table(Messages.get(locale, "export.sheet.initiatives"), Tables.headings(locale, "number", "initiative",
        "area", "elements", "objective", "leadAgency", "contributingAgencies", "priority", "status", "startDate",
        "endDate", "origin", "committed", "estimated"), rows, Set.of(1, 4));
  }

  static Table milestones(ActionPlanView plan, Locale locale) {
    List<List<Object>> rows = new ArrayList<>();
    plan.initiatives().forEach(initiative -> initiative.milestones().forEach(milestone -> rows.add(List.of(
        initiative.number(), milestone.title(), milestone.dueDate().toString()))));
    return new Table(Messages.get(locale, "export.sheet.milestones"), Tables.headings(locale, "number", "milestone",
        "dueDate"), rows, Set.of(1));
  }

  static Table budget(ActionPlanView plan, Locale locale) {
    List<List<Object>> rows = new ArrayList<>();
    plan.initiatives().forEach(initiative -> initiative.budget().forEach(line -> rows.add(Arrays.asList(
        initiative.number(), line.description(), line.amount(), line.currency(),
        label(locale, "funding", line.funding()), Messages.get(locale, line.committed()
            ? "actionplan.committed" : "actionplan.estimated")))));
    return new Table(Messages.get(locale, "export.sheet.budget"), Tables.headings(locale, "number", "description",
        "amount", "currency", "funding", "commitment"), rows, Set.of(1));
  }

  static Table indicators(ActionPlanView plan, Locale locale) {
    List<List<Object>> rows = new ArrayList<>();
    plan.initiatives().forEach(initiative -> initiative.kpis().forEach(kpi -> rows.add(List.of(
        initiative.number(), kpi.indicator(), kpi.unit(), kpi.baseline(), kpi.target(), kpi.targetDate().toString(),
        label(locale, "kind", kpi.kind())))));
    return new Table(Messages.get(locale, "export.sheet.indicators"), Tables.headings(locale, "number", "indicator",
        "unit", "baseline", "target", "targetDate", "indicatorKind"), rows, Set.of(1));
  }

  /** The latest report's figures, one row per initiative counted. */
  static Table progress(List<InitiativeFigures> initiatives, Locale locale) {
    List<List<Object>> rows = new ArrayList<>();
    for (InitiativeFigures initiative : initiatives) {
      Figures figures = initiative.figures();
      rows.add(Arrays.asList(initiative.number(), initiative.title(), initiative.focusArea(),
          label(locale, "status", initiative.status()), Messages.get(locale, initiative.onTime() ? "export.yes"
              : "export.no"), figures.milestonesDue(), figures.milestonesOnTime(), figures.milestonesPercent(),
          execution(figures.execution()), figures.effectivenessPercent()));
    }
    return new Table(Messages.get(locale, "export.sheet.progress"), Tables.headings(locale, "number", "initiative",
        "area", "status", "onTime", "milestonesDue", "milestonesOnTime", "milestonesPercent", "execution",
        "effectiveness"), rows, Set.of(1));
  }

  /** Every reporting period, the plan and each focus area. */
  static Table periods(List<Period> periods, Locale locale) {
    List<List<Object>> rows = new ArrayList<>();
    for (Period period : periods) {
      rows.add(period(period, Messages.get(locale, "export.overall"), period.overall()));
      period.focusAreas().forEach(area -> rows.add(period(period, area.focusArea(), area.figures())));
    }
    return new Table(Messages.get(locale, "export.sheet.periods"), Tables.headings(locale, "asOf", "area",
        "milestonesPercent", "initiativesPercent", "execution", "effectiveness"), rows, Set.of());
  }

  private static List<Object> period(Period period, String scope, Figures figures) {
    return Arrays.asList(period.asOf().toString(), scope, figures.milestonesPercent(), figures.initiativesPercent(),
        execution(figures.execution()), figures.effectivenessPercent());
  }

  /** Budget execution per currency, as "EUR 75.0%; USD 25.0%". */
  private static String execution(List<Execution> execution) {
    return execution.stream().map(currency -> currency.currency() + " " + (currency.percent() == null ? "—"
        : currency.percent().toPlainString() + "%")).collect(Collectors.joining("; "));
  }

  private static String totals(List<BudgetTotal> totals, boolean committed) {
    return totals.stream().map(total -> total.currency() + " " + (committed ? total.committed()
        : total.estimated()).toPlainString()).collect(Collectors.joining("; "));
  }

  private static String ref(GuideRef ref) {
    return ref.number() == null ? ref.id() : ref.number() + " " + ref.title();
  }

  private static String label(Locale locale, String kind, Enum<?> value) {
    return value == null ? "" : Messages.get(locale, "actionplan." + kind + "." + value.name());
  }
}
