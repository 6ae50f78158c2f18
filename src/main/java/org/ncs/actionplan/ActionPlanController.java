package org.ncs.actionplan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Locale;
import org.ncs.actionplan.ActionPlanRequests.FromGap;
import org.ncs.actionplan.ActionPlanRequests.InitiativeRequest;
import org.ncs.actionplan.ActionPlanRequests.PlanCommentRequest;
import org.ncs.actionplan.ActionPlanRequests.ProgressReportRequest;
import org.ncs.actionplan.ActionPlanViews.ActionPlanView;
import org.ncs.actionplan.ActionPlanViews.CommentView;
import org.ncs.actionplan.ActionPlanViews.InitiativeView;
import org.ncs.actionplan.ActionPlanViews.VersionSummary;
import org.ncs.actionplan.ActionPlanViews.VersionView;
import org.ncs.actionplan.ProgressFigures.PlanFigures;
import org.ncs.actionplan.ProgressReports.Progress;
import org.ncs.actionplan.ProgressReports.ReportSummary;
import org.ncs.security.CurrentUsers;
import org.ncs.web.Tables;
import org.ncs.web.Tables.Table;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/engagements/{id}")
@Tag(name = "Action plan", description = "The initiatives that carry a strategy out, per strategy cycle: guide "
    + "focus area and elements, agencies, period and milestones, budget lines in ISO 4217 currencies, indicators")
class ActionPlanController {

  private static final String ID = ActionPlanRequests.ID;
  private static final String ID_MESSAGE = "{validation.id}";

  private final ActionPlans plans;
  private final ProgressReports reports;
  private final PlanReviews reviews;
  private final ActionPlanExports exports;
  private final CurrentUsers users;

  ActionPlanController(ActionPlans plans, ProgressReports reports, PlanReviews reviews, ActionPlanExports exports,
      CurrentUsers users) {
    this.exports = exports;
    this.plans = plans;
    this.reports = reports;
    this.reviews = reviews;
    this.users = users;
  }

  @GetMapping("/action-plan")
  @Operation(summary = "The action plan of the engagement's current strategy cycle, with its budget by currency")
  ActionPlanView plan(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
    return plans.get(id, users.current());
  }

  @PostMapping(path = "/action-plan/initiatives", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add an initiative (the country's team)")
  InitiativeView add(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @Valid @RequestBody InitiativeRequest request) {
    return plans.add(id, request, users.current());
  }

  @PutMapping(path = "/action-plan/initiatives/{initiativeId}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Change an initiative (the country's team): the whole of it; milestones, budget lines and "
      + "indicators kept are named by their key")
  InitiativeView change(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String initiativeId,
      @Valid @RequestBody InitiativeRequest request) {
    return plans.change(id, initiativeId, request, users.current());
  }

  @DeleteMapping("/action-plan/initiatives/{initiativeId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove an initiative (the country's team)")
  void remove(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String initiativeId) {
    plans.remove(id, initiativeId, users.current());
  }

  @PostMapping(path = "/action-plan/initiatives/from-gap", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Turn a gap of the latest validated assessment into a draft initiative (the country's team)")
  InitiativeView fromGap(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @Valid @RequestBody FromGap request) {
    return plans.fromGap(id, request.elementId(), users.current());
  }

  @PostMapping("/action-plan/copy-previous-cycle")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Start this cycle's empty plan from the previous cycle's initiatives (the country's team)")
  ActionPlanView copyPreviousCycle(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
    return plans.copyPreviousCycle(id, users.current());
  }

  @GetMapping("/action-plan/versions")
  @Operation(summary = "The versions of this cycle's plan, each frozen when the plan was submitted for review, with "
      + "the decision on it")
  List<VersionSummary> versions(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
    return reviews.versions(id, users.current());
  }

  @GetMapping("/action-plan/versions/{number}")
  @Operation(summary = "A version: its initiatives as submitted, what changed since the version before (initiatives "
      + "added, removed and changed field by field) and the reviewer's comments")
  VersionView version(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Min(1) int number) {
    return reviews.version(id, number, users.current());
  }

  @PostMapping(path = "/action-plan/versions/{number}/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Comment on the version under review, on one initiative or on the plan as a whole (its "
      + "reviewer: the World Bank's co-facilitator, or the steering committee)")
  CommentView comment(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Min(1) int number, @Valid @RequestBody PlanCommentRequest request) {
    return reviews.comment(id, number, request, users.current());
  }

  @DeleteMapping("/action-plan/versions/{number}/comments/{commentId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Take back a comment of yours while the version waits for the decision")
  void removeComment(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Min(1) int number,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String commentId) {
    reviews.removeComment(id, number, commentId, users.current());
  }

  @GetMapping("/action-plan/progress-reports")
  @Operation(summary = "The progress reports on this cycle's plan, earliest first")
  List<ReportSummary> progressReports(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
    return reports.list(id, users.current());
  }

  @GetMapping("/action-plan/progress-reports/draft")
  @Operation(summary = "The next progress report to complete and send back (the country's team): every "
      + "initiative as the last report left it")
  ProgressReportRequest draftReport(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
    return reports.draft(id, users.current());
  }

  @PostMapping(path = "/action-plan/progress-reports", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Report progress as of the end of a period (the country's team): per initiative its "
      + "status, narrative, indicators' actuals, milestones reached and spend to date; answers the figures")
  PlanFigures report(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @Valid @RequestBody ProgressReportRequest request) {
    return reports.submit(id, request, users.current());
  }

  @GetMapping("/action-plan/progress")
  @Operation(summary = "Timeliness, budget execution and effectiveness per initiative, focus area and plan: the "
      + "latest report in full, and every reporting period for charts")
  Progress progress(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
    return reports.progress(id, users.current());
  }

  @GetMapping("/action-plan.{format}")
  @Operation(summary = "The action plan as CSV (the initiatives), XLSX (initiatives, milestones, budget lines and "
      + "indicators) or a PDF report (how it is doing, its versions, each initiative in full), in your language")
  ResponseEntity<byte[]> planFile(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Pattern(regexp = "csv|xlsx|pdf", message = "{validation.exportFormat}") String format,
      Locale locale) {
    if ("pdf".equals(format)) {
      return Tables.download(exports.report(id, false, users.current(), locale), MediaType.APPLICATION_PDF,
          "action-plan.pdf", locale);
    }
    ActionPlanView plan = plans.get(id, users.current());
    return "xlsx".equals(format)
        ? Tables.download(Tables.xlsx(List.of(ActionPlanExports.initiatives(plan, locale),
            ActionPlanExports.milestones(plan, locale), ActionPlanExports.budget(plan, locale),
            ActionPlanExports.indicators(plan, locale)), locale), Tables.XLSX, "action-plan.xlsx", locale)
        : Tables.download(ActionPlanExports.initiatives(plan, locale), format, "action-plan", locale);
  }

  @GetMapping("/action-plan/progress.{format}")
  @Operation(summary = "The progress figures as CSV (the latest report per initiative), XLSX (that, and every "
      + "reporting period for the plan and each focus area) or PDF (the latest report by focus area and initiative), "
      + "in your language")
  ResponseEntity<byte[]> progressFile(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Pattern(regexp = "csv|xlsx|pdf", message = "{validation.exportFormat}") String format,
      Locale locale) {
    if ("pdf".equals(format)) {
      return Tables.download(exports.report(id, true, users.current(), locale), MediaType.APPLICATION_PDF,
          "progress.pdf", locale);
    }
    Progress progress = reports.progress(id, users.current());
    Table latest = ActionPlanExports.progress(progress.latest() == null ? List.of()
        : progress.latest().initiatives(), locale);
    return "xlsx".equals(format)
        ? Tables.download(Tables.xlsx(List.of(latest, ActionPlanExports.periods(progress.periods(), locale)),
            locale), Tables.XLSX, "progress.xlsx", locale)
        : Tables.download(latest, format, "progress", locale);
  }
}
