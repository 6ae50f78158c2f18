package org.ncs.engagement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ncs.engagement.EngagementRequests.NewComment;
import org.ncs.engagement.EngagementRequests.NewMember;
import org.ncs.engagement.EngagementRequests.NewPerson;
import org.ncs.engagement.EngagementRequests.NewStakeholder;
import org.ncs.engagement.EngagementViews.EngagementDetail;
import org.ncs.engagement.EngagementViews.HistoryEntry;
import org.ncs.engagement.EngagementViews.MemberView;
import org.ncs.lifecycle.AnswerLabels;
import org.ncs.lifecycle.AnswerLabels.Answer;
import org.ncs.lifecycle.Consultation;
import org.ncs.lifecycle.Lifecycles;
import org.ncs.lifecycle.OpenTask;
import org.ncs.lifecycle.TaskNames;
import org.ncs.security.CurrentUser;
import org.ncs.security.CurrentUsers;
import org.ncs.security.Roles;
import org.ncs.web.Messages;
import org.ncs.web.PageForms;
import org.ncs.web.ResultPage;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An engagement's page (where its lifecycle stands, its diagram, open tasks, team, stakeholders, history and
 * comments) and the portfolio of every engagement a person follows. Changes go through {@link Engagements}, as the
 * API's do; a refused change comes back to the page with what was wrong, field by field.
 */
@Controller
class EngagementPages {

  static final String ID = "[A-Za-z0-9-]{1,64}";
  static final List<String> PHASES = List.of("P1", "P2", "P3", "P4", "P5");
  static final List<String> REGIONS = List.of("africa", "americas", "arab-states", "asia-pacific", "cis", "europe");
  /** The maturity bands of the decision table, lowest first (the filter offers them). */
  static final List<String> BANDS = List.of("initial", "developing", "established", "advanced", "leading");
  static final int HISTORY_PAGE = 25;
  static final int COMMENTS_PAGE = 50;

  /** A phase on the timeline: done, under way, or to come. */
  record PhaseStep(String id, String name, String state) {
  }

  /** A line of the history: who, when, what in words, and the answers or the comment it recorded. */
  record HistoryLine(Instant at, String actor, String text, List<Answer> answers, String comment) {
  }

  /** An open task of the engagement as its page lists it. */
  record TaskLine(OpenTask task, String name) {
  }

  private final Engagements engagements;
  private final Portfolio portfolio;
  private final Lifecycles lifecycles;
  private final AnswerLabels labels;
  private final CurrentUsers users;
  private final Validator validator;

  EngagementPages(Engagements engagements, Portfolio portfolio, Lifecycles lifecycles, AnswerLabels labels,
      CurrentUsers users, Validator validator) {
    this.engagements = engagements;
    this.portfolio = portfolio;
    this.lifecycles = lifecycles;
    this.labels = labels;
    this.users = users;
    this.validator = validator;
  }

  @InitBinder
  void blankIsNone(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
  }

  @GetMapping("/engagements/{id}")
  String engagement(@PathVariable @Pattern(regexp = ID, message = "{validation.engagementId}") String id,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int history,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int comments, Model model, Locale locale) {
    CurrentUser user = users.current();
    EngagementDetail detail = engagements.get(id, user, locale);
    model.addAttribute("detail", detail);
    model.addAttribute("engagement", detail.engagement());
    model.addAttribute("timeline", timeline(detail));
    model.addAttribute("openTasks", detail.openTasks().stream()
        .map(task -> new TaskLine(task, TaskNames.of(task.activityId(), task.name()))).toList());
    model.addAttribute("diagrams", lifecycles.diagrams(id));
    model.addAttribute("manage", engagements.canManage(id, user));
    model.addAttribute("roles", Roles.ENGAGEMENT_ROLES);
    model.addAttribute("categories", Consultation.STAKEHOLDER_GROUPS);
    model.addAttribute("stakeholders", engagements.stakeholders(id, user, 0, 100).items());
    // who can be named for an organisation: the team's stakeholders
    model.addAttribute("candidates", detail.members().stream().filter(m -> m.role().equals(Roles.STAKEHOLDER))
        .map(MemberView::userId).distinct().sorted().toList());
    model.addAttribute("comments", engagements.comments(id, null, user, comments, COMMENTS_PAGE));
    model.addAttribute("history", history(id, user, history));
    model.addAttribute("section", user.isAdmin() || Roles.PARTNER_ROLES.stream().anyMatch(user::hasRole)
        ? "portfolio" : "work");
    return "engagement/engagement";
  }

  /** The model of a phase under way, its names in the reader's language, for the read-only diagram. */
  @GetMapping("/engagements/{id}/diagrams/{phase}")
  @ResponseBody
  ResponseEntity<String> diagram(@PathVariable @Pattern(regexp = ID, message = "{validation.engagementId}") String id,
      @PathVariable @Pattern(regexp = "P[1-5]", message = "{validation.phase}") String phase) {
    engagements.countryOf(id, users.current());
    return lifecycles.diagram(id, phase)
        .map(xml -> ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  @PostMapping("/engagements/{id}/members")
  String addMember(@PathVariable @Pattern(regexp = ID, message = "{validation.engagementId}") String id,
      @RequestParam(required = false) String userId, @RequestParam(required = false) String role,
      RedirectAttributes next) {
    NewMember member = new NewMember(userId, role);
    change(next, "member", PageForms.typed("userId", userId, "role", role), member,
        () -> engagements.addMember(id, member, users.current()));
    return "redirect:/engagements/" + id + "#team";
  }

  @PostMapping("/engagements/{id}/members/{memberId}/remove")
  String removeMember(@PathVariable @Pattern(regexp = ID, message = "{validation.engagementId}") String id,
      @PathVariable @Pattern(regexp = ID, message = "{validation.id}") String memberId, RedirectAttributes next) {
    change(next, "member", Map.of(), null, () -> engagements.removeMember(id, memberId, users.current()));
    return "redirect:/engagements/" + id + "#team";
  }

  @PostMapping("/engagements/{id}/stakeholders")
  String addStakeholder(@PathVariable @Pattern(regexp = ID, message = "{validation.engagementId}") String id,
      @RequestParam(required = false) String organisation, @RequestParam(required = false) String category,
      @RequestParam(required = false) String contactName, @RequestParam(required = false) String contactEmail,
      RedirectAttributes next) {
    NewStakeholder stakeholder = new NewStakeholder(organisation, category, contactName, contactEmail);
    change(next, "stakeholder", PageForms.typed("organisation", organisation, "category", category,
        "contactName", contactName, "contactEmail", contactEmail), stakeholder,
        () -> engagements.addStakeholder(id, stakeholder, users.current()));
    return "redirect:/engagements/" + id + "#stakeholders";
  }

  @PostMapping("/engagements/{id}/stakeholders/{stakeholderId}/people")
  String addPerson(@PathVariable @Pattern(regexp = ID, message = "{validation.engagementId}") String id,
      @PathVariable @Pattern(regexp = ID, message = "{validation.id}") String stakeholderId,
      @RequestParam(required = false) String userId, RedirectAttributes next) {
    NewPerson person = new NewPerson(userId);
    change(next, "person", PageForms.typed("userId", userId), person,
        () -> engagements.addPerson(id, stakeholderId, person, users.current()));
    return "redirect:/engagements/" + id + "#stakeholders";
  }

  @PostMapping("/engagements/{id}/stakeholders/{stakeholderId}/people/{userId}/remove")
  String removePerson(@PathVariable @Pattern(regexp = ID, message = "{validation.engagementId}") String id,
      @PathVariable @Pattern(regexp = ID, message = "{validation.id}") String stakeholderId,
      @PathVariable @Size(max = 255) String userId, RedirectAttributes next) {
    change(next, "person", Map.of(), null,
        () -> engagements.removePerson(id, stakeholderId, userId, users.current()));
    return "redirect:/engagements/" + id + "#stakeholders";
  }

  @PostMapping("/engagements/{id}/comments")
  String comment(@PathVariable @Pattern(regexp = ID, message = "{validation.engagementId}") String id,
      @RequestParam(required = false) String body, RedirectAttributes next) {
    NewComment comment = new NewComment(body);
    change(next, "comment", PageForms.typed("body", body), comment,
        () -> engagements.comment(id, null, comment, users.current()));
    return "redirect:/engagements/" + id + "#comments";
  }

  @GetMapping("/portfolio")
  String portfolio(@RequestParam(required = false) @Pattern(regexp = "[a-z-]{2,16}") String region,
      @RequestParam(required = false) @Pattern(regexp = "P[1-5]", message = "{validation.phase}") String phase,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(required = false) @Pattern(regexp = "[a-z]{2,16}", message = "{validation.band}") String band,
      @RequestParam(defaultValue = "ACTIVE") EngagementStatus status,
      @RequestParam(defaultValue = "COUNTRY") Portfolio.Order sort,
      @RequestParam(defaultValue = "false") boolean descending, Model model, Locale locale) {
    Portfolio.Filter filter = new Portfolio.Filter(region, phase, overdue, status, band);
    List<Portfolio.Row> rows = portfolio.of(users.current(), filter, sort, descending, locale);
    model.addAttribute("rows", rows);
    model.addAttribute("filter", filter);
    model.addAttribute("bands", BANDS);
    model.addAttribute("sort", sort);
    model.addAttribute("descending", descending);
    model.addAttribute("regions", REGIONS);
    model.addAttribute("phases", PHASES);
    model.addAttribute("totals", Map.of("open", rows.stream().mapToInt(Portfolio.Row::openTasks).sum(),
        "overdue", rows.stream().mapToLong(Portfolio.Row::overdueTasks).sum()));
    model.addAttribute("section", "portfolio");
    return "engagement/portfolio";
  }

  private void change(RedirectAttributes next, String form, Map<String, String> sent, Object request,
      Runnable change) {
    PageForms.submit(validator, next, form, sent, request, "engagement.saved." + form, change);
  }

  /** The five phases: those before the furthest one under way are done (implementation and monitoring overlap). */
  private static List<PhaseStep> timeline(EngagementDetail detail) {
    Set<String> current = detail.phases().stream().map(EngagementViews.PhaseView::id).collect(Collectors.toSet());
    String furthest = current.stream().max(String::compareTo).orElse(null);
    boolean ended = current.isEmpty() && detail.engagement().status() == EngagementStatus.CLOSED;
    List<PhaseStep> steps = new ArrayList<>();
    for (String phase : PHASES) {
      String state = current.contains(phase) ? "current"
          : ended || (furthest != null && phase.compareTo(furthest) < 0) ? "done" : "upcoming";
      steps.add(new PhaseStep(phase, TaskNames.phase(phase), state));
    }
    return steps;
  }

  private ResultPage<HistoryLine> history(String id, CurrentUser user, int page) {
    ResultPage<HistoryEntry> entries = engagements.history(id, user, page, HISTORY_PAGE);
    Function<JsonNode, List<Answer>> answers = labels.forEngagement(id);
    List<HistoryLine> lines = entries.items().stream().map(entry -> line(entry, answers)).toList();
    return new ResultPage<>(lines, entries.page(), entries.size(), entries.totalItems(), entries.totalPages());
  }

  private HistoryLine line(HistoryEntry entry, Function<JsonNode, List<Answer>> answers) {
    JsonNode details = entry.details() == null ? MissingNode.getInstance()
        : entry.details();
    String task = TaskNames.of(details.path("activity").asText(null), details.path("task").asText(""));
    JsonNode after = details.path("after");
    JsonNode before = details.path("before");
    String text = switch (entry.action()) {
      case "TASK_COMPLETED", "TASK_CLAIMED", "TASK_UNCLAIMED", "FOLLOW_UP_CLOSED" ->
          Messages.get("history." + entry.action(), task);
      case "MEMBER_ADDED" -> Messages.get("history.MEMBER_ADDED", after.path("userId").asText(),
          role(after.path("role").asText()));
      case "MEMBER_REMOVED" -> Messages.get("history.MEMBER_REMOVED", before.path("userId").asText(),
          role(before.path("role").asText()));
      case "STAKEHOLDER_ADDED" -> Messages.get("history.STAKEHOLDER_ADDED", after.path("organisation").asText());
      case "STRATEGY_ADOPTED" -> Messages.get("history.STRATEGY_ADOPTED", after.path("reference").asText());
      case "CYCLE_STARTED" -> Messages.get("history.CYCLE_STARTED", after.asText());
      case "PARTNER_ADDED", "PARTNER_REMOVED" -> Messages.get("history." + entry.action(), entry.subject());
      case "INITIATIVE_ADDED", "INITIATIVE_REMOVED" -> Messages.get("history." + entry.action(),
          details.path("number").asText(), details.path("title").asText());
      case "INITIATIVE_CHANGED" -> Messages.get("history.INITIATIVE_CHANGED", details.path("number").asText());
      case "ACTION_PLAN_SUBMITTED", "ACTION_PLAN_COMMENTED", "ACTION_PLAN_COMMENT_REMOVED", "ACTION_PLAN_APPROVED",
          "ACTION_PLAN_CHANGES_REQUESTED" -> Messages.get("history." + entry.action(),
          details.path("version").asText());
      case "PROGRESS_REPORTED" -> Messages.get("history.PROGRESS_REPORTED", details.path("periodEnd").asText());
      case "DOCUMENT_VERSION_ADDED" -> Messages.get("history.DOCUMENT_VERSION_ADDED", after.path("label").asText(),
          after.path("title").asText());
      case "STAKEHOLDER_PERSON_ADDED" -> Messages.get("history.STAKEHOLDER_PERSON_ADDED",
          after.path("userId").asText(), after.path("organisation").asText());
      case "STAKEHOLDER_PERSON_REMOVED" -> Messages.get("history.STAKEHOLDER_PERSON_REMOVED",
          before.path("userId").asText(), before.path("organisation").asText());
      case "DRAFT_RELEASED" -> Messages.get("history.DRAFT_RELEASED", after.path("draft").asText(),
          after.path("round").asText());
      case "MAIL_SENT" -> Messages.get("history.MAIL_SENT", details.path("to").asText());
      case "FILE_DOWNLOADED" -> Messages.get("history.FILE_DOWNLOADED", details.path("title").asText());
      case "FEEDBACK_DISPOSITIONED" -> Messages.get("history.FEEDBACK_DISPOSITIONED",
          Messages.get("disposition." + after.path("disposition").asText()));
      default -> Messages.getOrDefault("history." + entry.action(), entry.action());
    };
    List<Answer> given = "TASK_COMPLETED".equals(entry.action()) ? answers.apply(details.path("outcome")) : List.of();
    String actor = "system".equals(entry.actor()) ? Messages.get("history.system") : entry.actor();
    return new HistoryLine(entry.at(), actor, text, given, entry.comment());
  }

  private static String role(String role) {
    return Messages.getOrDefault("role." + role, role);
  }
}
