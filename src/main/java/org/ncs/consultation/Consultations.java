package org.ncs.consultation;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.ncs.audit.AuditTrail;
import org.ncs.consultation.ConsultationRequests.NewDisposition;
import org.ncs.consultation.ConsultationRequests.NewItem;
import org.ncs.consultation.ConsultationViews.ConsultationRecord;
import org.ncs.consultation.ConsultationViews.ItemView;
import org.ncs.consultation.ConsultationViews.RoundRecord;
import org.ncs.consultation.ConsultationViews.RoundView;
import org.ncs.consultation.ConsultationViews.TaskFeedback;
import org.ncs.document.Documents;
import org.ncs.document.Documents.Upload;
import org.ncs.engagement.Engagements;
import org.ncs.lifecycle.OpenTask;
import org.ncs.lifecycle.TaskInbox;
import org.ncs.security.CurrentUser;
import org.ncs.security.Roles;
import org.ncs.security.SystemAccess;
import org.ncs.web.ConflictException;
import org.ncs.web.Messages;
import org.ncs.web.NotFoundException;
import org.ncs.web.RetryOnConflict;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * The consultation record: stakeholders' comments on a released draft, item by item, on their group's feedback
 * task; the drafting team's disposition of each on the disposition task; and the log of every round, with or
 * without the commenters' names.
 *
 * <p>Who may do what follows the tasks: the comments of a group are written by the people its feedback task
 * names, and seen by those who can see that task (the group's people, the drafting team and the partners, not
 * another group); dispositions are given by those who can take the disposition task.
 */
@Service
public class Consultations {

  static final String FEEDBACK_TASK = "Task_ProvideFeedback";
  static final String DISPOSITION_TASK = "Task_DispositionFeedback";
  /** A variable of the task, written with every change to its comments (see {@link #touch}). */
  static final String WORKED_ON = "feedbackChangedAt";

  private final ConsultationRoundRepository rounds;
  private final FeedbackItemRepository items;
  private final TaskInbox inbox;
  private final TaskService tasks;
  private final SystemAccess system;
  private final Engagements engagements;
  private final Documents documents;
  private final AuditTrail audit;
  private final Clock clock;

  Consultations(ConsultationRoundRepository rounds, FeedbackItemRepository items, TaskInbox inbox,
      ProcessEngine engine, SystemAccess system, Engagements engagements, Documents documents, AuditTrail audit,
      Clock clock) {
    this.rounds = rounds;
    this.items = items;
    this.inbox = inbox;
    this.tasks = engine.getTaskService();
    this.system = system;
    this.engagements = engagements;
    this.documents = documents;
    this.audit = audit;
    this.clock = clock;
  }

  /** The consultation part of a task the caller can see; none for a task that is not part of a consultation. */
  @Transactional(readOnly = true)
  public Optional<TaskFeedback> forTask(String taskId, CurrentUser user) {
    return forTask(visible(taskId), user);
  }

  /** The same, for a task the caller has already been shown (a task's page). */
  @Transactional(readOnly = true)
  public Optional<TaskFeedback> forTask(OpenTask task, CurrentUser user) {
    String taskId = task.id();
    boolean feedback = FEEDBACK_TASK.equals(task.activityId());
    if (!feedback && !DISPOSITION_TASK.equals(task.activityId())) {
      return Optional.empty();
    }
    ConsultationRound round = roundOf(task);
    if (round == null) {
      return Optional.empty(); // a lifecycle started before comments were recorded item by item
    }
    List<FeedbackItem> found = feedback ? items.findByTaskIdOrderByCreatedAt(taskId)
        : items.findByRoundIdOrderByGroupAscCreatedAtAsc(round.getId());
    // a round's comments are answered by a later draft only once the round is over: no later round to read here
    Map<String, ConsultationRound> byId = Map.of(round.getId(), round);
    return Optional.of(new TaskFeedback(taskId, task.engagementId(), RoundView.of(round, true), feedback,
        feedback && mayComment(task, user), !feedback && mayDisposition(task, user),
        found.stream().map(item -> view(item, byId, true)).toList()));
  }

  /** A comment of the caller's group on the draft, with an attachment if one is sent. */
  @RetryOnConflict
  @Transactional
  public ItemView comment(String taskId, NewItem request, Upload attachment, CurrentUser user) {
    OpenTask task = visible(taskId);
    if (!FEEDBACK_TASK.equals(task.activityId()) || !mayComment(task, user)) {
      throw forbidden(Messages.get("consultation.notYourFeedback"));
    }
    ConsultationRound round = required(roundOf(task));
    String group = system.call(() -> (String) tasks.getVariable(taskId, "stakeholderGroup"));
    String fileId = attachment == null ? null : documents.attach(task.engagementId(), taskId, attachment, user).id();
    String reference = request.reference() == null || request.reference().isBlank() ? null
        : request.reference().trim();
    touch(taskId);
    FeedbackItem item = items.save(new FeedbackItem(round.getId(), taskId, group,
        organisation(engagements.organisationsOf(task.engagementId(), group, user.id())), reference,
        request.comment().trim(), fileId, user.id(), clock.instant()));
    audit.record(user.id(), task.country(), task.engagementId(), "FEEDBACK_ADDED", item.getId(),
        Map.of("after", Map.of("round", round.number(), "group", group, "reference", String.valueOf(reference))));
    return view(item, Map.of(round.getId(), round), true);
  }

  /** Takes back one of the caller's own comments while the feedback task is open. */
  @RetryOnConflict
  @Transactional
  public void withdraw(String taskId, String itemId, CurrentUser user) {
    OpenTask task = visible(taskId);
    FeedbackItem item = items.findById(itemId).filter(found -> found.taskId().equals(taskId))
        .orElseThrow(() -> new NotFoundException(Messages.get("consultation.itemNotFound", itemId)));
    if (!item.author().equals(user.id()) || !mayComment(task, user)) {
      throw forbidden(Messages.get("consultation.notYourComment"));
    }
    touch(taskId);
    items.delete(item);
    audit.record(user.id(), task.country(), task.engagementId(), "FEEDBACK_WITHDRAWN", itemId,
        Map.of("before", Map.of("group", item.group(), "comment", item.body())));
  }

  /** The drafting team's disposition of a comment of the round the disposition task is for; it may change it. */
  @RetryOnConflict
  @Transactional
  public ItemView disposition(String taskId, String itemId, NewDisposition request, CurrentUser user) {
    OpenTask task = visible(taskId);
    if (!DISPOSITION_TASK.equals(task.activityId()) || !mayDisposition(task, user)) {
      throw forbidden(Messages.get("consultation.notYourDisposition"));
    }
    ConsultationRound round = required(roundOf(task));
    FeedbackItem item = items.findById(itemId).filter(found -> found.roundId().equals(round.getId()))
        .orElseThrow(() -> new NotFoundException(Messages.get("consultation.itemNotFound", itemId)));
    touch(taskId);
    Disposition before = item.disposition();
    item.disposition(request.disposition(), request.reason().trim(), user.id(), clock.instant());
    items.saveAndFlush(item);
    audit.record(user.id(), task.country(), task.engagementId(), "FEEDBACK_DISPOSITIONED", itemId,
        Map.of("before", String.valueOf(before), "after", Map.of("disposition", request.disposition(),
            "reason", item.reason())));
    return view(item, Map.of(round.getId(), round), true);
  }

  /**
   * The consultation log of an engagement, every round with its comments and their dispositions. Only the
   * country's team and its partners see who commented: a stakeholder, like the public, reads the public log.
   *
   * @param withNames whether to name commenters and those who gave the dispositions
   */
  @Transactional(readOnly = true)
  public ConsultationRecord record(String engagementId, boolean withNames, CurrentUser user) {
    engagements.countryOf(engagementId, user);
    if (withNames && !maySeeNames(user)) {
      throw forbidden(Messages.get("consultation.publicOnly"));
    }
    List<ConsultationRound> all = rounds.findByEngagementIdOrderByNumber(engagementId);
    Map<String, ConsultationRound> byId = all.stream()
        .collect(Collectors.toMap(ConsultationRound::getId, Function.identity()));
    // the public record: what the groups sent, not what a group is still writing; no individual's name or file
    Map<String, List<FeedbackItem>> byRound = all.isEmpty() ? Map.of()
        : items.findByRoundIdInOrderByGroupAscCreatedAtAsc(byId.keySet()).stream()
            .filter(item -> withNames || item.isSubmitted())
            .collect(Collectors.groupingBy(FeedbackItem::roundId));
    return new ConsultationRecord(engagementId, withNames, all.stream()
        .map(round -> new RoundRecord(RoundView.of(round, withNames), byRound.getOrDefault(round.getId(), List.of())
            .stream().map(item -> view(item, byId, withNames)).toList()))
        .toList());
  }

  /** Records who took the log away, in which format, and whether it named the commenters. */
  @Transactional
  public void exported(String engagementId, String format, boolean withNames, CurrentUser user) {
    String country = engagements.countryOf(engagementId, user);
    audit.record(user.id(), country, engagementId, "CONSULTATION_LOG_EXPORTED", engagementId,
        Map.of("format", format, "withNames", withNames));
  }

  /**
   * Whether the caller sees the full record (commenters' names, comments still being written, attachments): anyone
   * of the country's team or its partners but a stakeholder.
   */
  public static boolean maySeeNames(CurrentUser user) {
    return user.isAdmin() || user.groups().stream()
        .anyMatch(role -> Roles.ENGAGEMENT_ROLES.contains(role) && !role.equals(Roles.STAKEHOLDER));
  }

  /** The organisations a commenter answers for, as the record names them. */
  static String organisation(Collection<String> organisations) {
    String named = String.join(", ", organisations);
    return named.isEmpty() ? null : named.length() <= 1000 ? named : named.substring(0, 999) + "…";
  }

  /**
   * Marks the task as worked on, in this transaction: a completion running at the same moment then conflicts with
   * this write (the engine's optimistic lock on the variable), so that it never counts the comments or the
   * dispositions without this one; and this write fails if the completion came first.
   */
  private void touch(String taskId) {
    system.run(() -> tasks.setVariableLocal(taskId, WORKED_ON, clock.instant().toString()));
  }

  private OpenTask visible(String taskId) {
    return inbox.find(taskId).orElseThrow(() -> new NotFoundException(Messages.get("task.notOpen", taskId)));
  }

  private ConsultationRound roundOf(OpenTask task) {
    Object id = system.call(() -> tasks.getVariable(task.id(), ConsultationSteps.ROUND));
    return id == null ? null : rounds.findById(id.toString())
        .orElseThrow(() -> new ConflictException(Messages.get("consultation.noRound")));
  }

  private static ConsultationRound required(ConsultationRound round) {
    if (round == null) {
      throw new ConflictException(Messages.get("consultation.noRound"));
    }
    return round;
  }

  /** The people the feedback task names, unless one of them has claimed it. */
  private static boolean mayComment(OpenTask task, CurrentUser user) {
    return task.assignee() != null ? task.assignee().equals(user.id()) : task.candidateUsers().contains(user.id());
  }

  /** The drafting team, unless one of them has claimed the task. */
  private static boolean mayDisposition(OpenTask task, CurrentUser user) {
    return task.assignee() != null ? task.assignee().equals(user.id())
        : task.candidateGroups().stream().anyMatch(user::hasRole);
  }

  private static ItemView view(FeedbackItem item, Map<String, ConsultationRound> rounds, boolean withNames) {
    ConsultationRound round = rounds.get(item.roundId());
    ConsultationRound answeredIn = item.answeredIn() == null ? null : rounds.get(item.answeredIn());
    return new ItemView(item.getId(), round == null ? 0 : round.number(), round == null ? null : round.draftLabel(),
        item.group(), item.organisation(), item.reference(), item.body(),
        withNames ? item.attachmentFileId() : null,
        withNames ? item.author() : null, item.createdAt(), item.disposition(), item.reason(),
        withNames ? item.dispositionedBy() : null, item.dispositionedAt(),
        answeredIn == null ? null : answeredIn.draftLabel());
  }

  private static ErrorResponseException forbidden(String detail) {
    return new ErrorResponseException(HttpStatus.FORBIDDEN,
        ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail), null);
  }
}
