package org.ncs.actionplan;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ncs.actionplan.ActionPlanRequests.PlanCommentRequest;
import org.ncs.actionplan.ActionPlanViews.ActionPlanView;
import org.ncs.actionplan.ActionPlanViews.GuideRef;
import org.ncs.actionplan.ActionPlanViews.InitiativeView;
import org.ncs.actionplan.ProgressFigures.AreaFigures;
import org.ncs.actionplan.ProgressFigures.Figures;
import org.ncs.actionplan.ProgressFigures.IndicatorProgress;
import org.ncs.actionplan.ProgressFigures.InitiativeFigures;
import org.ncs.actionplan.ProgressReports.Period;
import org.ncs.actionplan.ProgressReports.Progress;
import org.ncs.benchmark.BenchmarkViews.CandidateInitiative;
import org.ncs.benchmark.Scorecards;
import org.ncs.catalogue.Catalogue;
import org.ncs.engagement.Engagements;
import org.ncs.security.CurrentUser;
import org.ncs.security.CurrentUsers;
import org.ncs.web.ConflictException;
import org.ncs.web.FieldError;
import org.ncs.web.InvalidRequestException;
import org.ncs.web.Messages;
import org.ncs.web.NotFoundException;
import org.ncs.web.Pages;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The action plan's pages: the plan (how it is doing over the reporting periods and by focus area, its versions,
 * its initiatives on a timeline and each in full), a version with its review, and for the country's team the forms
 * to add or change an initiative, draft one from a gap, and report progress.
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

  /**
   * The plan's figures over the reporting periods as polylines of a 600 × 100 chart, with the periods' places,
   * and the same for each focus area, by its id.
   */
  record Chart(Lines plan, Map<String, Lines> areas, List<Tick> ticks) {
  }

  /** Milestones on time, initiatives on time and effectiveness, each as the points of a polyline. */
  record Lines(String milestones, String initiatives, String effectiveness) {
  }

  record Tick(int x, LocalDate asOf) {
  }

  private static final int WIDTH = 600;

  private final ActionPlans plans;
  private final ProgressReports reports;
  private final Engagements engagements;
  private final CurrentUsers users;
  private final Catalogue catalogue;
  private final PlanReviews reviews;
  private final PlanReviewPanels panels;
  private final Scorecards scorecards;
  private final Validator validator;
  private final Clock clock;

  ActionPlanPages(ActionPlans plans, ProgressReports reports, Engagements engagements, CurrentUsers users,
      Catalogue catalogue, PlanReviews reviews, PlanReviewPanels panels, Scorecards scorecards, Validator validator,
      Clock clock) {
    this.reviews = reviews;
    this.scorecards = scorecards;
    this.panels = panels;
    this.validator = validator;
    this.catalogue = catalogue;
    this.clock = clock;
    this.plans = plans;
    this.reports = reports;
    this.engagements = engagements;
    this.users = users;
  }

  @GetMapping("/engagements/{id}/action-plan/versions/{number}")
  String version(@PathVariable @Pattern(regexp = ActionPlanRequests.ID, message = "{validation.engagementId}")
      String id, @PathVariable @Min(1) int number, Model model, Locale locale) {
    CurrentUser user = users.current();
    model.addAttribute("engagement", engagements.summary(id, user, locale));
    model.addAttribute("review", panels.forVersion(id, number, user));
    model.addAttribute("section", "work");
    return "actionplan/version";
  }

  /** The reviewer's comment, from the review panel of their task or of the version's page, which they go back to. */
  @PostMapping("/engagements/{id}/action-plan/versions/{number}/comments")
  String comment(@PathVariable @Pattern(regexp = ActionPlanRequests.ID, message = "{validation.engagementId}")
      String id, @PathVariable @Min(1) int number, @RequestParam(required = false) String initiativeId,
      @RequestParam(required = false) String body, @RequestParam(name = "return", required = false) String back,
      RedirectAttributes next) {
    PlanCommentRequest request = new PlanCommentRequest(initiativeId == null || initiativeId.isBlank() ? null
        : initiativeId, body);
    // the box the comment came from, to go back to: an id of ours, or the plan's
    String on = "review-" + (request.initiativeId() != null
        && request.initiativeId().matches(ActionPlanRequests.ID) ? request.initiativeId() : "plan");
    var refused = validator.validate(request);
    String error = refused.isEmpty() ? null : refused.iterator().next().getMessage();
    if (error == null) {
      try {
        reviews.comment(id, number, request, users.current());
      } catch (ConflictException conflict) {
        error = conflict.getBody().getDetail();
      } catch (InvalidRequestException invalid) {
        // an initiative not in the version has no box of its own: the plan's box says so
        error = invalid.errors().get(0).message();
        on = "review-plan";
      }
    }
    if (error != null) {
      next.addFlashAttribute("reviewError", Map.of(on, error));
      next.addFlashAttribute("reviewSent", Map.of(on, body == null ? "" : body));
    }
    return "redirect:" + Pages.localPath((back == null ? "/engagements/" + id + "/action-plan/versions/" + number
        : back) + "#" + on);
  }

  @PostMapping("/engagements/{id}/action-plan/versions/{number}/comments/{commentId}/delete")
  String removeComment(@PathVariable @Pattern(regexp = ActionPlanRequests.ID,
      message = "{validation.engagementId}") String id, @PathVariable @Min(1) int number,
      @PathVariable @Pattern(regexp = ActionPlanRequests.ID, message = "{validation.id}") String commentId,
      @RequestParam(name = "return", required = false) String back) {
    reviews.removeComment(id, number, commentId, users.current());
    return "redirect:" + Pages.localPath(back == null ? "/engagements/" + id + "/action-plan/versions/" + number
        : back);
  }

  @GetMapping("/engagements/{id}/action-plan/initiatives/new")
  String newInitiative(@PathVariable @Pattern(regexp = ActionPlanRequests.ID,
      message = "{validation.engagementId}") String id, Model model, Locale locale) {
    return initiativeForm(id, null, InitiativeForm.blank(), List.of(), model, locale);
  }

  @GetMapping("/engagements/{id}/action-plan/initiatives/{initiativeId}")
  String initiative(@PathVariable @Pattern(regexp = ActionPlanRequests.ID,
      message = "{validation.engagementId}") String id, @PathVariable @Pattern(regexp = ActionPlanRequests.ID,
      message = "{validation.id}") String initiativeId, Model model, Locale locale) {
    InitiativeView initiative = plans.initiative(id, initiativeId, users.current());
    return initiativeForm(id, initiative, InitiativeForm.of(initiative, locale), List.of(), model, locale);
  }

  /**
   * A new initiative, or a change of one: checked as the API checks it, every problem beside its field, the form
   * shown again as sent; saved, back to the plan at the initiative.
   */
  @PostMapping({"/engagements/{id}/action-plan/initiatives",
      "/engagements/{id}/action-plan/initiatives/{initiativeId}"})
  String saveInitiative(@PathVariable @Pattern(regexp = ActionPlanRequests.ID,
      message = "{validation.engagementId}") String id, @PathVariable(required = false) @Pattern(
      regexp = ActionPlanRequests.ID, message = "{validation.id}") String initiativeId,
      @RequestParam MultiValueMap<String, String> params, Model model, Locale locale) {
    CurrentUser user = users.current();
    InitiativeForm.Parsed form = InitiativeForm.parse(params, locale);
    List<FieldError> errors = new ArrayList<>(form.errors());
    validator.validate(form.request()).forEach(violation -> errors.add(new FieldError(
        violation.getPropertyPath().toString().replaceAll("\\[(\\d+)]\\.<[^>]+>", "[$1]"), violation.getMessage())));
    InitiativeView saved = null;
    boolean changedMeanwhile = false;
    if (errors.isEmpty()) {
      try {
        saved = initiativeId == null ? plans.add(id, form.request(), user)
            : plans.change(id, initiativeId, form.request(), user);
      } catch (InvalidRequestException invalid) {
        errors.addAll(invalid.errors());
      } catch (ConflictException conflict) {
        errors.add(new FieldError("version", Messages.get("actionplan.changedMeanwhileForm")));
        changedMeanwhile = true;
      }
    }
    if (saved == null) {
      InitiativeView initiative = initiativeId == null ? null : plans.initiative(id, initiativeId, user);
      if (changedMeanwhile) {
        // what was typed stays; saving again, having looked at the plan, replaces the colleague's change
        form.values().fields().put("version", Long.toString(initiative.version()));
      }
      return initiativeForm(id, initiative, form.values(), errors, model, locale);
    }
    return "redirect:/engagements/" + id + "/action-plan#initiative-" + saved.id();
  }

  /** One click on a gap of the latest validated assessment: a draft initiative, opened for the team to complete. */
  @PostMapping("/engagements/{id}/action-plan/from-gap")
  String fromGap(@PathVariable @Pattern(regexp = ActionPlanRequests.ID, message = "{validation.engagementId}")
      String id, @RequestParam @Pattern(regexp = "FA\\d{1,2}\\.E\\d{1,2}", message = "{validation.elementId}")
      String elementId) {
    InitiativeView drafted = plans.fromGap(id, elementId, users.current());
    return "redirect:/engagements/" + id + "/action-plan/initiatives/" + drafted.id();
  }

  @PostMapping("/engagements/{id}/action-plan/initiatives/{initiativeId}/remove")
  String removeInitiative(@PathVariable @Pattern(regexp = ActionPlanRequests.ID,
      message = "{validation.engagementId}") String id, @PathVariable @Pattern(regexp = ActionPlanRequests.ID,
      message = "{validation.id}") String initiativeId, RedirectAttributes next) {
    try {
      plans.remove(id, initiativeId, users.current());
    } catch (ConflictException conflict) {
      next.addFlashAttribute("failure", conflict.getBody().getDetail());
    }
    return "redirect:/engagements/" + id + "/action-plan";
  }

  /** The next progress report, every initiative as the last report left it, for the team to bring up to date. */
  @GetMapping("/engagements/{id}/action-plan/progress-reports/new")
  String newReport(@PathVariable @Pattern(regexp = ActionPlanRequests.ID, message = "{validation.engagementId}")
      String id, Model model, Locale locale) {
    CurrentUser user = users.current();
    ActionPlanView plan = plans.get(id, user);
    return reportForm(id, plan, ProgressForm.of(reports.draft(id, user), plan.initiatives(), locale), Map.of(), model,
        locale);
  }

  @PostMapping("/engagements/{id}/action-plan/progress-reports")
  String report(@PathVariable @Pattern(regexp = ActionPlanRequests.ID, message = "{validation.engagementId}")
      String id, @RequestParam MultiValueMap<String, String> params, Model model, Locale locale) {
    CurrentUser user = users.current();
    ActionPlanView plan = plans.get(id, user);
    ProgressForm.Parsed form = ProgressForm.parse(params, plan.initiatives(), locale);
    Map<String, String> errors = new LinkedHashMap<>();
    form.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
    if (errors.isEmpty()) {
      validator.validate(form.request()).forEach(violation -> errors.putIfAbsent(ProgressForm.input(form,
          violation.getPropertyPath().toString()), violation.getMessage()));
    }
    if (errors.isEmpty()) {
      try {
        reports.submit(id, form.request(), user);
        return "redirect:/engagements/" + id + "/action-plan#progress-title";
      } catch (InvalidRequestException invalid) {
        invalid.errors().forEach(error -> errors.putIfAbsent(ProgressForm.input(form, error.field()),
            error.message()));
      } catch (ConflictException conflict) {
        errors.put("periodEnd", conflict.getBody().getDetail());
      }
    }
    return reportForm(id, plan, form.fields(), errors, model, locale);
  }

  private String reportForm(String id, ActionPlanView plan, Map<String, String> values, Map<String, String> errors,
      Model model, Locale locale) {
    model.addAttribute("engagement", engagements.summary(id, users.current(), locale));
    model.addAttribute("plan", plan);
    model.addAttribute("values", values);
    model.addAttribute("fieldValues", values);
    model.addAttribute("errors", errors);
    model.addAttribute("currencies", plan.initiatives().stream()
        .collect(Collectors.toMap(InitiativeView::id, ProgressForm::currencies)));
    model.addAttribute("statuses", Initiative.Status.values());
    model.addAttribute("section", "work");
    return "actionplan/report";
  }

  private String initiativeForm(String id, InitiativeView initiative, InitiativeForm.Values values,
      List<FieldError> errors, Model model, Locale locale) {
    CurrentUser user = users.current();
    if (!user.isCountryTeam()) {
      throw new AccessDeniedException("Only the country's team shapes its action plan");
    }
    model.addAttribute("engagement", engagements.summary(id, user, locale));
    model.addAttribute("initiative", initiative);
    model.addAttribute("values", values);
    model.addAttribute("fieldValues", values.fields());
    Map<String, String> byField = new LinkedHashMap<>();
    errors.forEach(error -> byField.putIfAbsent(error.field(), error.message()));
    model.addAttribute("errors", byField);
    model.addAttribute("areas", catalogue.current().focusAreas());
    model.addAttribute("priorities", Initiative.Priority.values());
    model.addAttribute("statuses", Initiative.Status.values());
    model.addAttribute("fundings", Initiative.Funding.values());
    model.addAttribute("kinds", Initiative.KpiKind.values());
    model.addAttribute("section", "work");
    return "actionplan/initiative";
  }

  @GetMapping("/engagements/{id}/action-plan")
  String plan(@PathVariable @Pattern(regexp = ActionPlanRequests.ID, message = "{validation.engagementId}")
      String id, Model model, Locale locale) {
    CurrentUser user = users.current();
    ActionPlanView plan = plans.get(id, user);
    Progress progress = reports.progress(id, user);
    model.addAttribute("engagement", engagements.summary(id, user, locale));
    model.addAttribute("plan", plan);
    model.addAttribute("versions", reviews.versions(id, user));
    model.addAttribute("team", user.isCountryTeam());
    model.addAttribute("gaps", user.isCountryTeam() ? gaps(id, plan, user) : List.of());
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
    model.addAttribute("areas", ActionPlanExports.areaNames(catalogue.current()));
    model.addAttribute("indicators", indicators);
    model.addAttribute("timeline", timeline(plan.initiatives(), LocalDate.now(clock)));
    model.addAttribute("chart", progress.periods().isEmpty() ? null : chart(progress.periods()));
    model.addAttribute("section", "work");
    return "actionplan/plan";
  }

  /** The weakest elements of the latest validated assessment that no initiative of the plan addresses yet. */
  private List<CandidateInitiative> gaps(String id, ActionPlanView plan, CurrentUser user) {
    Set<String> planned = plan.initiatives().stream().flatMap(initiative -> initiative.elements().stream())
        .map(GuideRef::id).collect(Collectors.toSet());
    try {
      return scorecards.candidates(id, 20, user).stream().filter(gap -> !planned.contains(gap.elementId()))
          .limit(5).toList();
    } catch (NotFoundException noValidatedAssessment) {
      return List.of();
    }
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
      // the first report alone sits in the middle: a point for each figure, the lines come with the next
      ticks.add(new Tick(periods.size() == 1 ? WIDTH / 2 : 20 + i * (WIDTH - 40) / (periods.size() - 1),
          periods.get(i).asOf()));
    }
    Map<String, Lines> areas = new TreeMap<>();
    periods.stream().flatMap(period -> period.focusAreas().stream()).map(AreaFigures::focusArea).distinct()
        .forEach(area -> areas.put(area, lines(periods, ticks, period -> period.focusAreas().stream()
            .filter(figures -> figures.focusArea().equals(area)).map(AreaFigures::figures).findFirst()
            .orElse(null))));
    return new Chart(lines(periods, ticks, Period::overall), areas, ticks);
  }

  private static Lines lines(List<Period> periods, List<Tick> ticks, Function<Period, Figures> of) {
    return new Lines(line(periods, ticks, of, Figures::milestonesPercent),
        line(periods, ticks, of, Figures::initiativesPercent), line(periods, ticks, of, Figures::effectivenessPercent));
  }

  /** One figure over the periods; a period without it leaves its point out. */
  private static String line(List<Period> periods, List<Tick> ticks, Function<Period, Figures> of,
      Function<Figures, BigDecimal> figure) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < periods.size(); i++) {
      Figures figures = of.apply(periods.get(i));
      BigDecimal value = figures == null ? null : figure.apply(figures);
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
