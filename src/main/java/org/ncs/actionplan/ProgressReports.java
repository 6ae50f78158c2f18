package org.ncs.actionplan;

import static org.ncs.actionplan.ActionPlans.blankToNull;
import static org.ncs.actionplan.ActionPlans.orEmpty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ncs.actionplan.ActionPlanRequests.ActualValue;
import org.ncs.actionplan.ActionPlanRequests.MilestoneReached;
import org.ncs.actionplan.ActionPlanRequests.ProgressEntry;
import org.ncs.actionplan.ActionPlanRequests.ProgressReportRequest;
import org.ncs.actionplan.ActionPlanRequests.SpendToDate;
import org.ncs.actionplan.Initiative.Content;
import org.ncs.actionplan.ProgressFigures.AreaFigures;
import org.ncs.actionplan.ProgressFigures.Figures;
import org.ncs.actionplan.ProgressFigures.PlanFigures;
import org.ncs.actionplan.ProgressFigures.Reported;
import org.ncs.audit.AuditTrail;
import org.ncs.engagement.EngagementViews.EngagementSummary;
import org.ncs.security.CurrentUser;
import org.ncs.web.ConflictException;
import org.ncs.web.FieldError;
import org.ncs.web.InvalidRequestException;
import org.ncs.web.Messages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress reports on the current cycle's action plan, made by the country's team at the end of each reporting
 * period (each starts from the last one), and the figures they give: timeliness, budget execution and
 * effectiveness per initiative, focus area and plan, for every period. Figures are computed with the plan as it
 * stands now and each report's facts.
 */
@Service
public class ProgressReports {

  /** A report in a list. */
  public record ReportSummary(String id, LocalDate periodEnd, String submittedBy, Instant submittedAt) {
  }

  /** One reporting period's figures, for charts over time. */
  public record Period(LocalDate asOf, Figures overall, List<AreaFigures> focusAreas) {
  }

  /**
   * @param latest the figures of the latest report in full (per initiative too); absent before the first report
   * @param periods every report's figures, earliest first
   */
  public record Progress(PlanFigures latest, List<Period> periods) {
  }

  private final ActionPlans plans;
  private final ActionPlanRepository planRepository;
  private final InitiativeRepository initiatives;
  private final ProgressReportRepository reports;
  private final AuditTrail audit;
  private final Clock clock;

  ProgressReports(ActionPlans plans, ActionPlanRepository planRepository, InitiativeRepository initiatives,
      ProgressReportRepository reports, AuditTrail audit, Clock clock) {
    this.plans = plans;
    this.planRepository = planRepository;
    this.initiatives = initiatives;
    this.reports = reports;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<ReportSummary> list(String engagementId, CurrentUser user) {
    return plan(plans.engagement(engagementId, user)).map(plan -> reports.findByPlanIdOrderByPeriodEnd(
        plan.getId()).stream().map(report -> new ReportSummary(report.getId(), report.periodEnd(),
            report.submittedBy(), report.submittedAt())).toList()).orElse(List.of());
  }

  /**
   * The next report as a draft to complete: every initiative with the status, actuals, milestones reached and
   * spend of the last report (or of the plan, before the first), as of today; narratives are written afresh.
   */
  @Transactional(readOnly = true)
  public ProgressReportRequest draft(String engagementId, CurrentUser user) {
    Optional<ActionPlan> plan = plan(plans.team(engagementId, user));
    List<Initiative> listed = plan.map(found -> initiatives.findByPlanIdOrderByNumber(found.getId()))
        .orElse(List.of());
    Map<String, Reported> last = plan.flatMap(found -> reports.findFirstByPlanIdOrderByPeriodEndDesc(found.getId()))
        .map(ProgressReports::facts).orElse(Map.of());
    return new ProgressReportRequest(LocalDate.now(clock), listed.stream().map(initiative -> {
      Content content = initiative.content();
      Reported reported = last.getOrDefault(initiative.getId(),
          new Reported(content.status(), Map.of(), Map.of(), Map.of()));
      return new ProgressEntry(initiative.getId(), reported.status(), null,
          content.kpis().stream().filter(kpi -> reported.actuals().containsKey(kpi.key()))
              .map(kpi -> new ActualValue(kpi.key(), reported.actuals().get(kpi.key()))).toList(),
          content.milestones().stream().filter(milestone -> reported.reached().containsKey(milestone.key()))
              .map(milestone -> new MilestoneReached(milestone.key(), reported.reached().get(milestone.key())))
              .toList(),
          reported.spend().entrySet().stream().map(spent -> new SpendToDate(spent.getKey(), spent.getValue()))
              .toList());
    }).toList());
  }

  /** Whether the team has reported on the cycle's plan since the moment given. */
  @Transactional(readOnly = true)
  boolean reportedSince(String engagementId, int cycle, Instant since) {
    return planRepository.findByEngagementIdAndCycle(engagementId, cycle)
        .map(plan -> reports.existsByPlanIdAndSubmittedAtGreaterThanEqual(plan.getId(), since)).orElse(false);
  }

  /**
   * Records a report (the country's team): one entry for every initiative of the plan, after the last report and
   * not in the future. Each initiative takes the status reported. Answers the report's figures.
   */
  @Transactional
  public PlanFigures submit(String engagementId, ProgressReportRequest request, CurrentUser user) {
    EngagementSummary engagement = plans.team(engagementId, user);
    ActionPlan plan = plan(engagement).orElseThrow(() -> new ConflictException(
        Messages.get("actionplan.progress.noInitiatives")));
    List<Initiative> listed = initiatives.findByPlanIdOrderByNumber(plan.getId());
    if (listed.isEmpty()) {
      throw new ConflictException(Messages.get("actionplan.progress.noInitiatives"));
    }
    List<ProgressReport> earlier = reports.findByPlanIdOrderByPeriodEnd(plan.getId());
    check(request, listed, earlier.isEmpty() ? null : earlier.get(earlier.size() - 1).periodEnd());

    List<ProgressReport.Entry> entries = new ArrayList<>();
    List<ProgressReport.Actual> actuals = new ArrayList<>();
    List<ProgressReport.Reached> reached = new ArrayList<>();
    List<ProgressReport.Spend> spend = new ArrayList<>();
    for (ProgressEntry entry : request.entries()) {
      String id = entry.initiativeId();
      entries.add(new ProgressReport.Entry(id, entry.status(), blankToNull(entry.narrative())));
      orEmpty(entry.kpis()).forEach(kpi -> actuals.add(new ProgressReport.Actual(id, kpi.key(), kpi.actual())));
      orEmpty(entry.milestones()).forEach(milestone -> reached.add(new ProgressReport.Reached(id, milestone.key(),
          milestone.reachedOn())));
      orEmpty(entry.spend()).forEach(spent -> spend.add(new ProgressReport.Spend(id, spent.currency(),
          spent.amount())));
    }
    Instant now = clock.instant();
    ProgressReport report = reports.saveAndFlush(new ProgressReport(plan.getId(), request.periodEnd(), user.id(),
        now, entries, actuals, reached, spend));
    Map<String, Initiative.Status> statuses = request.entries().stream()
        .collect(Collectors.toMap(ProgressEntry::initiativeId, ProgressEntry::status));
    listed.forEach(initiative -> initiative.reportStatus(statuses.get(initiative.getId()), user.id(), now));
    audit.record(user.id(), engagement.country().code(), engagementId, "PROGRESS_REPORTED", report.getId(),
        Map.of("periodEnd", request.periodEnd().toString(), "initiatives", entries.size()));
    return ProgressFigures.of(report.periodEnd(), listed, facts(report));
  }

  /** The figures of every report of the current plan, the latest in full. */
  @Transactional(readOnly = true)
  public Progress progress(String engagementId, CurrentUser user) {
    Optional<ActionPlan> plan = plan(plans.engagement(engagementId, user));
    if (plan.isEmpty()) {
      return new Progress(null, List.of());
    }
    List<Initiative> listed = initiatives.findByPlanIdOrderByNumber(plan.get().getId());
    List<PlanFigures> all = reports.findByPlanIdOrderByPeriodEnd(plan.get().getId()).stream()
        .map(report -> ProgressFigures.of(report.periodEnd(), listed, facts(report))).toList();
    return new Progress(all.isEmpty() ? null : all.get(all.size() - 1), all.stream()
        .map(figures -> new Period(figures.asOf(), figures.overall(), figures.focusAreas())).toList());
  }

  /**
   * The figures of the latest report on a cycle's plan, for the lifecycle (no reader to check): what a monitoring
   * round starts from.
   */
  @Transactional(readOnly = true)
  Optional<PlanFigures> latest(String engagementId, int cycle) {
    return planRepository.findByEngagementIdAndCycle(engagementId, cycle).flatMap(plan -> reports
        .findFirstByPlanIdOrderByPeriodEndDesc(plan.getId()).map(report -> ProgressFigures.of(report.periodEnd(),
            initiatives.findByPlanIdOrderByNumber(plan.getId()), facts(report))));
  }

  private Optional<ActionPlan> plan(EngagementSummary engagement) {
    return planRepository.findByEngagementIdAndCycle(engagement.id(), engagement.cycle());
  }

  /** What a report says of each initiative. */
  private static Map<String, Reported> facts(ProgressReport report) {
    Map<String, Map<String, LocalDate>> reached = byInitiative(report.reached(), ProgressReport.Reached::initiativeId,
        ProgressReport.Reached::key, ProgressReport.Reached::reachedOn);
    Map<String, Map<String, BigDecimal>> actuals = byInitiative(report.actuals(),
        ProgressReport.Actual::initiativeId, ProgressReport.Actual::key, ProgressReport.Actual::actual);
    Map<String, Map<String, BigDecimal>> spend = byInitiative(report.spend(), ProgressReport.Spend::initiativeId,
        ProgressReport.Spend::currency, ProgressReport.Spend::amount);
    Map<String, Reported> facts = new LinkedHashMap<>();
    for (ProgressReport.Entry entry : report.entries()) {
      String id = entry.initiativeId();
      facts.put(id, new Reported(entry.status(), reached.getOrDefault(id, Map.of()),
          actuals.getOrDefault(id, Map.of()), spend.getOrDefault(id, Map.of())));
    }
    return facts;
  }

  /** A report's rows of one kind, by initiative, then by key. */
  private static <T, V> Map<String, Map<String, V>> byInitiative(List<T> rows, Function<T, String> initiative,
      Function<T, String> key, Function<T, V> value) {
    Map<String, Map<String, V>> grouped = new HashMap<>();
    rows.forEach(row -> grouped.computeIfAbsent(initiative.apply(row), id -> new HashMap<>())
        .put(key.apply(row), value.apply(row)));
    return grouped;
  }

  /** Every problem of the report at once, each by its field. */
  private void check(ProgressReportRequest request, List<Initiative> listed, LocalDate lastPeriodEnd) {
    List<FieldError> errors = new ArrayList<>();
    if (request.periodEnd().isAfter(LocalDate.now(clock))) {
      errors.add(new FieldError("periodEnd", Messages.get("validation.notFuture")));
    } else if (lastPeriodEnd != null && !request.periodEnd().isAfter(lastPeriodEnd)) {
      errors.add(new FieldError("periodEnd", Messages.get("actionplan.progress.notAfterLast", lastPeriodEnd)));
    }
    Map<String, Initiative> byId = listed.stream().collect(Collectors.toMap(Initiative::getId, i -> i));
    Set<String> reported = new HashSet<>();
    for (int i = 0; i < request.entries().size(); i++) {
      ProgressEntry entry = request.entries().get(i);
      String at = "entries[" + i + "]";
      Initiative initiative = byId.get(entry.initiativeId());
      if (initiative == null || !reported.add(entry.initiativeId())) {
        errors.add(new FieldError(at + ".initiativeId", Messages.get("actionplan.progress.unknownInitiative")));
        continue;
      }
      Content content = initiative.content();
      Set<String> kpis = content.kpis().stream().map(Initiative.Kpi::key).collect(Collectors.toSet());
      Set<String> milestones = content.milestones().stream().map(Initiative.Milestone::key)
          .collect(Collectors.toSet());
      List<ActualValue> actuals = orEmpty(entry.kpis());
      for (int k = 0; k < actuals.size(); k++) {
        if (!kpis.remove(actuals.get(k).key())) {
          errors.add(new FieldError(at + ".kpis[" + k + "].key", Messages.get("actionplan.unknownKey")));
        }
      }
      List<MilestoneReached> reached = orEmpty(entry.milestones());
      for (int m = 0; m < reached.size(); m++) {
        if (!milestones.remove(reached.get(m).key())) {
          errors.add(new FieldError(at + ".milestones[" + m + "].key", Messages.get("actionplan.unknownKey")));
        } else if (reached.get(m).reachedOn().isAfter(request.periodEnd())) {
          errors.add(new FieldError(at + ".milestones[" + m + "].reachedOn",
              Messages.get("validation.notAfterField", "periodEnd")));
        }
      }
      List<SpendToDate> spend = orEmpty(entry.spend());
      Set<String> currencies = new HashSet<>();
      for (int c = 0; c < spend.size(); c++) {
        if (!currencies.add(spend.get(c).currency())) {
          errors.add(new FieldError(at + ".spend[" + c + "].currency",
              Messages.get("actionplan.unknownCurrency")));
        } else {
          ActionPlans.checkMoney(at + ".spend[" + c + "]", spend.get(c).currency(), spend.get(c).amount(), errors);
        }
      }
    }
    List<String> missing = listed.stream().filter(initiative -> !reported.contains(initiative.getId()))
        .map(ActionPlans::number).toList();
    if (!missing.isEmpty()) {
      errors.add(new FieldError("entries", Messages.get("actionplan.progress.missing", String.join(", ",
          missing))));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }
}
