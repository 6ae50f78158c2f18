package org.ncs.engagement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Locale;
import org.ncs.engagement.EngagementRequests.Adoption;
import org.ncs.engagement.EngagementRequests.NewComment;
import org.ncs.engagement.EngagementRequests.NewEngagement;
import org.ncs.engagement.EngagementRequests.NewMember;
import org.ncs.engagement.EngagementRequests.NewPerson;
import org.ncs.engagement.EngagementRequests.NewStakeholder;
import org.ncs.engagement.EngagementViews.CommentView;
import org.ncs.engagement.EngagementViews.EngagementDetail;
import org.ncs.engagement.EngagementViews.EngagementSummary;
import org.ncs.engagement.EngagementViews.HistoryEntry;
import org.ncs.engagement.EngagementViews.MemberView;
import org.ncs.engagement.EngagementViews.StakeholderView;
import org.ncs.security.CurrentUsers;
import org.ncs.web.ResultPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api", produces = "application/json")
@Tag(name = "Engagements", description = "Countries' strategy engagements, their teams, stakeholders, comments and "
    + "history; only those of your countries exist for you")
class EngagementController {

  static final String ID = "[A-Za-z0-9-]{1,64}";
  static final String ID_MESSAGE = "{validation.id}";

  private final Engagements engagements;
  private final CurrentUsers users;

  EngagementController(Engagements engagements, CurrentUsers users) {
    this.engagements = engagements;
    this.users = users;
  }

  @PostMapping(path = "/engagements", consumes = "application/json")
  @Operation(summary = "Open an engagement for a country and start its lifecycle (administrators, ITU officers)")
  ResponseEntity<EngagementDetail> create(@RequestBody @Valid NewEngagement request, Locale locale) {
    EngagementDetail created = engagements.create(request, users.current(), locale);
    return ResponseEntity.created(URI.create("/api/engagements/" + created.engagement().id())).body(created);
  }

  @GetMapping("/engagements")
  @Operation(summary = "The engagements of your countries, newest first")
  ResultPage<EngagementSummary> list(
      @RequestParam(required = false) @Pattern(regexp = "[A-Z]{3}", message = "{validation.countryCode}")
      String country,
      @RequestParam(required = false) EngagementStatus status,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
      Locale locale) {
    return engagements.list(users.current(), country, status, page, size, locale);
  }

  @GetMapping("/engagements/{id}")
  @Operation(summary = "An engagement: current phase and tasks from the engine, overdue tasks, members")
  EngagementDetail get(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id, Locale locale) {
    return engagements.get(id, users.current(), locale);
  }

  @PostMapping(path = "/engagements/{id}/members", consumes = "application/json")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Give a user a role in the engagement; they join its country at once")
  MemberView addMember(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @RequestBody @Valid NewMember request) {
    return engagements.addMember(id, request, users.current());
  }

  @DeleteMapping("/engagements/{id}/members/{memberId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Take a role away; the user leaves the country if it was their last role there")
  void removeMember(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String memberId) {
    engagements.removeMember(id, memberId, users.current());
  }

  @GetMapping("/engagements/{id}/stakeholders")
  @Operation(summary = "The engagement's stakeholder registry")
  ResultPage<StakeholderView> stakeholders(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
    return engagements.stakeholders(id, users.current(), page, size);
  }

  @PostMapping(path = "/engagements/{id}/stakeholders", consumes = "application/json")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add an organisation to the stakeholder registry")
  StakeholderView addStakeholder(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @RequestBody @Valid NewStakeholder request) {
    return engagements.addStakeholder(id, request, users.current());
  }

  @PostMapping(path = "/engagements/{id}/stakeholders/{stakeholderId}/people", consumes = "application/json")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Name a person (a team member in the stakeholder role) who answers for an organisation")
  StakeholderView addPerson(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String stakeholderId,
      @RequestBody @Valid NewPerson request) {
    return engagements.addPerson(id, stakeholderId, request, users.current());
  }

  @DeleteMapping("/engagements/{id}/stakeholders/{stakeholderId}/people/{userId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "No longer count a person among those who answer for an organisation")
  void removePerson(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String stakeholderId,
      @PathVariable @Size(max = 255) String userId) {
    engagements.removePerson(id, stakeholderId, userId, users.current());
  }

  @GetMapping("/engagements/{id}/comments")
  @Operation(summary = "Comments on the engagement and its tasks, newest first")
  ResultPage<CommentView> comments(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @RequestParam(required = false) @Pattern(regexp = ID, message = ID_MESSAGE) String taskId,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return engagements.comments(id, taskId, users.current(), page, size);
  }

  @PostMapping(path = "/engagements/{id}/comments", consumes = "application/json")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Comment on the engagement")
  CommentView comment(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @RequestBody @Valid NewComment request) {
    return engagements.comment(id, null, request, users.current());
  }

  @PostMapping(path = "/engagements/{id}/tasks/{taskId}/comments", consumes = "application/json")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Comment on one of the engagement's open tasks (a review of the action plan, say)")
  CommentView commentOnTask(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String taskId,
      @RequestBody @Valid NewComment request) {
    return engagements.comment(id, taskId, request, users.current());
  }

  @GetMapping("/engagements/{id}/history")
  @Operation(summary = "Who did what and when: tasks completed with their decisions, member changes, and more")
  ResultPage<HistoryEntry> history(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
    return engagements.history(id, users.current(), page, size);
  }

  @PostMapping(path = "/engagements/{id}/strategy-adoption", consumes = "application/json")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Record that the strategy was adopted outside the system (e.g. by cabinet decision)")
  void adopt(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @RequestBody @Valid Adoption adoption) {
    engagements.recordAdoption(id, adoption, users.current());
  }

  @PostMapping("/engagements/{id}/strategy-period-end")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "End the strategy period now: implementation stops and the outcome is evaluated")
  void endStrategyPeriod(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
    engagements.endStrategyPeriod(id, users.current());
  }
}
