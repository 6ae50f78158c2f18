package org.ncs.actionplan;

import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ncs.actionplan.ActionPlanViews.ActionPlanView;
import org.ncs.actionplan.ActionPlanViews.InitiativeView;
import org.ncs.actionplan.ProgressFigures.Figures;
import org.ncs.actionplan.ProgressFigures.IndicatorProgress;
import org.ncs.actionplan.ProgressFigures.InitiativeFigures;
import org.ncs.actionplan.ProgressReports.Period;
import org.ncs.actionplan.ProgressReports.Progress;
import org.ncs.catalogue.Catalogue;
import org.ncs.catalogue.FocusArea;
import org.ncs.engagement.Engagements;
import org.ncs.security.CurrentUser;
import org.ncs.security.CurrentUsers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The action plan's page: how the plan is doing (timeliness, budget execution and effectiveness, over the
 * reporting periods and by focus area), its initiatives on a timeline, and each initiative in full.
 */
@Controller
@Validated
class ActionPlanPages {

  /** Where an initiative sits on the plan's timeline, in percent of its span. */
  record Span(String number, String title, String status, double start, double length) {
  }

  /** The timeline: the plan's first and last day, today's place on it, and the initiatives. */
  record Timeline(LocalDate from, LocalDate to, Double today, List<Span> spans) {
  }

  /** The plan's figures over the reporting periods as polylines of a 600 × 100 chart, with the periods' places. */
  record Chart(String milestones, String initiatives, String effectiveness, List<Tick> ticks) {
  }

  record Tick(int x, LocalDate asOf) {
  }

  private static final int WIDTH = 600;

  private final ActionPlans plans;
  private final ProgressReports reports;
  private final Engagements engagements;
  private final CurrentUsers users;
  private final Catalogue catalogue;
  private final Clock clock;

  ActionPlanPages(ActionPlans plans, ProgressReports reports, Engagements engagements, CurrentUsers users,
      Catalogue catalogue, Clock clock) {
    this.catalogue = catalogue;
    this.clock = clock;
    this.plans = plans;
    this.reports = reports;
    this.engagements = engagements;
    this.users = users;
  }

  @GetMapping("/engagements/{id}/action-plan")
  String plan(@PathVariable @Pattern(regexp = ActionPlanRequests.ID, message = "{validation.engagementId}")
      String id, Model model, Locale locale) {
    CurrentUser user = users.current();
    ActionPlanView plan = plans.get(id, user);
    Progress progress = reports.progress(id, user);
    model.addAttribute("engagement", engagements.summary(id, user, locale));
    model.addAttribute("plan", plan);
    model.addAttribute("progress", progress);
    Map<String, InitiativeFigures> figures = new HashMap<>();
    Map<String, BigDecimal> indicators = new HashMap<>();
    if (progress.latest() != null) {
      for (InitiativeFigures initiative : progress.latest().initiatives()) {
        figures.put(initiative.id(), initiative);
        for (IndicatorProgress indicator : initiative.indicators()) {
          indicators.put(indicator.key(), indicator.percent());
        }
      }
    }
    model.addAttribute("figures", figures);
    model.addAttribute("areas", catalogue.current().focusAreas().stream()
        .collect(Collectors.toMap(FocusArea::id, area -> area.number() + " " + area.title())));
    model.addAttribute("indicators", indicators);
    model.addAttribute("timeline", timeline(plan.initiatives(), LocalDate.now(clock)));
    model.addAttribute("chart", progress.periods().size() < 2 ? null : chart(progress.periods()));
    model.addAttribute("section", "work");
    return "actionplan/plan";
  }

  static Timeline timeline(List<InitiativeView> initiatives, LocalDate today) {
    if (initiatives.isEmpty()) {
      return null;
    }
    LocalDate from = initiatives.stream().map(InitiativeView::startDate).min(LocalDate::compareTo).orElseThrow();
    LocalDate to = initiatives.stream().map(InitiativeView::endDate).max(LocalDate::compareTo).orElseThrow();
    double days = Math.max(1, ChronoUnit.DAYS.between(from, to));
    List<Span> spans = initiatives.stream().map(initiative -> new Span(initiative.number(), initiative.title(),
        initiative.status().name(), round(ChronoUnit.DAYS.between(from, initiative.startDate()) * 100 / days),
        round(Math.max(1, ChronoUnit.DAYS.between(initiative.startDate(), initiative.endDate()) * 100 / days))))
        .toList();
    Double now = today.isBefore(from) || today.isAfter(to) ? null
        : round(ChronoUnit.DAYS.between(from, today) * 100 / days);
    return new Timeline(from, to, now, spans);
  }

  static Chart chart(List<Period> periods) {
    List<Tick> ticks = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      ticks.add(new Tick(20 + i * (WIDTH - 40) / (periods.size() - 1), periods.get(i).asOf()));
    }
    return new Chart(line(periods, ticks, Figures::milestonesPercent), line(periods, ticks,
        Figures::initiativesPercent), line(periods, ticks, Figures::effectivenessPercent), ticks);
  }

  /** One figure of the plan over the periods; a period without it leaves its point out. */
  private static String line(List<Period> periods, List<Tick> ticks, Function<Figures, BigDecimal> figure) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < periods.size(); i++) {
      BigDecimal value = figure.apply(periods.get(i).overall());
      if (value != null) {
        line.append(ticks.get(i).x()).append(',').append(BigDecimal.valueOf(100).subtract(value).toPlainString())
            .append(' ');
      }
    }
    return line.toString().trim();
  }

  private static double round(double percent) {
    return Math.round(percent * 10) / 10.0;
  }
}
