package org.ncs.task;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.ncs.actionplan.PlanReviewPanels;
import org.ncs.benchmark.Assessments;
import org.ncs.catalogue.Catalogue;
import org.ncs.catalogue.Step;
import org.ncs.consultation.Consultations;
import org.ncs.consultation.Disposition;
import org.ncs.document.DocumentRequests;
import org.ncs.document.Documents;
import org.ncs.engagement.EngagementRequests.NewComment;
import org.ncs.engagement.EngagementStatus;
import org.ncs.engagement.EngagementViews.EngagementSummary;
import org.ncs.engagement.Engagements;
import org.ncs.lifecycle.AnswerLabels;
import org.ncs.lifecycle.AnswerLabels.Answer;
import org.ncs.lifecycle.FormAnswers;
import org.ncs.lifecycle.FormView;
import org.ncs.lifecycle.OpenTask;
import org.ncs.lifecycle.TaskContext.PastTask;
import org.ncs.lifecycle.TaskDataRejectedException;
import org.ncs.lifecycle.TaskDetail;
import org.ncs.lifecycle.TaskInbox;
import org.ncs.lifecycle.TaskNames;
import org.ncs.security.CurrentUser;
import org.ncs.security.CurrentUsers;
import org.ncs.web.ConflictException;
import org.ncs.web.FieldError;
import org.ncs.web.InvalidRequestException;
import org.ncs.web.Messages;
import org.ncs.web.Pages;
import org.ncs.web.ResultPage;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My work (the person's tasks, the same as the API's inbox) and a task's page: its context, what came before it,
 * its form and its comments. Everything goes through the services the API calls.
 */
@Controller
class TaskPages {

  static final String ID = "[A-Za-z0-9-]{1,64}";
  static final int PAGE_SIZE = 20;

  /** A task of My work with what the list shows of it, in the reader's language. */
  record WorkItem(OpenTask task, String name, EngagementSummary engagement, String phase, Step step) {
  }

  /** A task completed before this one, with its answers by their labels. */
  record PastRound(PastTask task, String name, List<Answer> answers) {
  }

  private final TaskInbox inbox;
  private final Engagements engagements;
  private final Catalogue catalogue;
  private final CurrentUsers users;
  private final Validator validator;
  private final AnswerLabels labels;
  private final Consultations consultations;
  private final Documents documents;
  private final Assessments assessments;
  private final PlanReviewPanels planReviews;

  TaskPages(TaskInbox inbox, Engagements engagements, Catalogue catalogue, CurrentUsers users, Validator validator,
      AnswerLabels labels, Consultations consultations, Documents documents, Assessments assessments,
      PlanReviewPanels planReviews) {
    this.assessments = assessments;
    this.planReviews = planReviews;
    this.consultations = consultations;
    this.documents = documents;
    this.validator = validator;
    this.labels = labels;
    this.inbox = inbox;
    this.engagements = engagements;
    this.catalogue = catalogue;
    this.users = users;
  }

  /** An empty filter is no filter. */
  @InitBinder
  void blankIsNone(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
  }

  @GetMapping("/")
  String work(@RequestParam(required = false) @Pattern(regexp = ID, message = "{validation.engagementId}")
      String engagement,
      @RequestParam(required = false) @Pattern(regexp = "P[1-5]", message = "{validation.phase}") String phase,
      @RequestParam(required = false) LocalDate dueBefore,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      Model model, Locale locale) {
    CurrentUser user = users.current();
    ResultPage<OpenTask> tasks = inbox.list(user, engagement, phase,
        dueBefore == null ? null : dueBefore.atStartOfDay(ZoneOffset.UTC).toInstant(), overdue, page, PAGE_SIZE);
    Map<String, EngagementSummary> titles = engagements.summaries(
        tasks.items().stream().map(OpenTask::engagementId).distinct().toList(), user, locale);
    List<WorkItem> items = tasks.items().stream()
        .map(task -> new WorkItem(task, TaskNames.of(task.activityId(), task.name()),
            titles.get(task.engagementId()), TaskNames.phase(task.phase()), step(task.step()).orElse(null)))
        .toList();
    model.addAttribute("work", new ResultPage<>(items, tasks.page(), tasks.size(), tasks.totalItems(),
        tasks.totalPages()));
    model.addAttribute("engagements", engagements.list(user, null, EngagementStatus.ACTIVE, 0, 100, locale).items());
    model.addAttribute("phases", phases());
    model.addAttribute("filter", new Filter(engagement, phase, dueBefore, overdue));
    model.addAttribute("section", "work");
    return "task/work";
  }

  record Filter(String engagement, String phase, LocalDate dueBefore, boolean overdue) {

    public boolean any() {
      return engagement != null || phase != null || dueBefore != null || overdue;
    }
  }

  @GetMapping("/tasks/{taskId}")
  String task(@PathVariable @Pattern(regexp = ID, message = "{validation.taskId}") String taskId,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int comments, Model model, Locale locale) {
    CurrentUser user = users.current();
    TaskDetail detail = inbox.get(taskId, user);
    show(detail, inbox.form(taskId, user, null).orElse(null), Map.of(), comments, user, model, locale);
    return "task/task";
  }

  /**
   * Completes the task with the form's answers. Answers its rules refuse come back beside their fields, with
   * what was typed, and nothing is recorded.
   */
  @PostMapping("/tasks/{taskId}")
  String complete(@PathVariable @Pattern(regexp = ID, message = "{validation.taskId}") String taskId,
      @RequestParam MultiValueMap<String, String> sent, Model model, Locale locale, RedirectAttributes next,
      HttpServletResponse response) {
    CurrentUser user = users.current();
    TaskDetail detail = inbox.get(taskId, user);
    Map<String, Object> answers = FormAnswers.of(detail.fields(), sent);
    try {
      inbox.complete(taskId, answers, user);
    } catch (TaskDataRejectedException rejected) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return refused(taskId, detail, sent, rejected.errors(), user, model, locale);
    } catch (InvalidRequestException invalid) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return refused(taskId, detail, sent, invalid.errors(), user, model, locale);
    } catch (ConflictException conflict) {
      next.addFlashAttribute("failure", conflict.getBody().getDetail());
      return "redirect:/tasks/" + taskId;
    }
    next.addFlashAttribute("success", Messages.get("task.done", TaskNames.of(detail.task().activityId(),
        detail.task().name())));
    next.addFlashAttribute("doneEngagement", detail.task().engagementId());
    return "redirect:/";
  }

  private String refused(String taskId, TaskDetail detail, MultiValueMap<String, String> sent,
      List<FieldError> errors, CurrentUser user, Model model, Locale locale) {
    Map<String, Object> typed = new LinkedHashMap<>();
    detail.fields().forEach(field -> {
      List<String> values = sent.get(field.key());
      if (values != null) {
        typed.put(field.key(), field.type().equals("checklist") ? values : values.get(0));
      }
    });
    Map<String, String> byField = new LinkedHashMap<>();
    errors.forEach(error -> byField.merge(error.field(), error.message(), (a, b) -> a + " " + b));
    show(detail, inbox.form(taskId, user, typed).orElse(null), byField, 0, user, model, locale);
    return "task/task";
  }

  @PostMapping("/tasks/{taskId}/claim")
  String claim(@PathVariable @Pattern(regexp = ID, message = "{validation.taskId}") String taskId,
      @RequestParam(name = "return", required = false) String back, RedirectAttributes next) {
    return assignment(() -> inbox.claim(taskId, users.current()), taskId, back, next);
  }

  @PostMapping("/tasks/{taskId}/unclaim")
  String unclaim(@PathVariable @Pattern(regexp = ID, message = "{validation.taskId}") String taskId,
      @RequestParam(name = "return", required = false) String back, RedirectAttributes next) {
    return assignment(() -> inbox.unclaim(taskId, users.current()), taskId, back, next);
  }

  /** Claims or gives back; a colleague who was quicker is said on the page the person comes back to. */
  private static String assignment(Runnable change, String taskId, String back, RedirectAttributes next) {
    try {
      change.run();
    } catch (ConflictException conflict) {
      next.addFlashAttribute("failure", conflict.getBody().getDetail());
    }
    return "redirect:" + Pages.localPath(back == null ? "/tasks/" + taskId : back);
  }

  @PostMapping("/tasks/{taskId}/comments")
  String comment(@PathVariable @Pattern(regexp = ID, message = "{validation.taskId}") String taskId,
      @RequestParam(required = false) String body, RedirectAttributes next) {
    CurrentUser user = users.current();
    OpenTask task = inbox.find(taskId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    NewComment comment = new NewComment(body);
    var refused = validator.validate(comment);
    if (!refused.isEmpty()) {
      next.addFlashAttribute("commentErrors", Map.of("body", refused.iterator().next().getMessage()));
      next.addFlashAttribute("commentSent", Map.of("body", body == null ? "" : body));
      return "redirect:/tasks/" + taskId + "#comments";
    }
    engagements.comment(task.engagementId(), taskId, comment, user);
    return "redirect:/tasks/" + taskId + "#comments";
  }

  private void show(TaskDetail detail, FormView form, Map<String, String> errors, int commentPage, CurrentUser user,
      Model model,
      Locale locale) {
    OpenTask task = detail.task();
    model.addAttribute("task", task);
    model.addAttribute("name", TaskNames.of(task.activityId(), task.name()));
    model.addAttribute("phase", TaskNames.phase(task.phase()));
    model.addAttribute("step", step(task.step()).orElse(null));
    model.addAttribute("engagement", engagements.summaries(List.of(task.engagementId()), user, locale)
        .get(task.engagementId()));
    model.addAttribute("form", form);
    model.addAttribute("feedback", consultations.forTask(task, user).orElse(null));
    model.addAttribute("assessment", assessments.ofStep(task.id(), task.engagementId(), user).orElse(null));
    model.addAttribute("planReview", planReviews.forTask(task.activityId(), task.engagementId(), user)
        .orElse(null));
    // a form that asks for a document offers to upload one first
    boolean asksForDocument = form != null && form.parts().stream()
        .anyMatch(part -> !part.isText() && part.field().valuesKey() != null);
    model.addAttribute("uploads", asksForDocument ? documents.list(task.engagementId(), user) : null);
    model.addAttribute("documentKinds", DocumentRequests.kinds());
    model.addAttribute("dispositions", Disposition.values());
    model.addAttribute("errors", errors);
    model.addAttribute("mine", user.id().equals(task.assignee()));
    model.addAttribute("before", pastRounds(detail));
    model.addAttribute("comments", engagements.comments(task.engagementId(), task.id(), user, commentPage, 50));
    model.addAttribute("section", "work");
  }

  /** What came before a task that came round again: its last round, then what was decided since. */
  private List<PastRound> pastRounds(TaskDetail detail) {
    if (detail.context() == null) {
      return List.of();
    }
    List<PastTask> past = new ArrayList<>();
    if (detail.context().previousRound() != null) {
      past.add(detail.context().previousRound());
    }
    past.addAll(detail.context().since());
    Function<JsonNode, List<Answer>> answers = labels.forEngagement(detail.task().engagementId());
    return past.stream().map(task -> new PastRound(task, TaskNames.of(task.activityId(), task.name()),
        answers.apply(task.answers()))).toList();
  }

  private Optional<Step> step(String stepId) {
    return stepId == null ? Optional.empty() : catalogue.current().step(stepId);
  }

  static List<Map.Entry<String, String>> phases() {
    return List.of("P1", "P2", "P3", "P4", "P5").stream()
        .map(phase -> Map.entry(phase, TaskNames.phase(phase))).toList();
  }
}
