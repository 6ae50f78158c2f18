package org.ncs.actionplan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ncs.actionplan.ActionPlanRequests.PlanCommentRequest;
import org.ncs.actionplan.ActionPlanViews.CommentView;
import org.ncs.actionplan.ActionPlanViews.Decision;
import org.ncs.actionplan.ActionPlanViews.InitiativeView;
import org.ncs.actionplan.ActionPlanViews.Reviewer;
import org.ncs.actionplan.ActionPlanViews.VersionSummary;
import org.ncs.actionplan.ActionPlanViews.VersionView;
import org.ncs.audit.AuditTrail;
import org.ncs.engagement.EngagementViews.EngagementSummary;
import org.ncs.security.CurrentUser;
import org.ncs.security.Roles;
import org.ncs.web.ConflictException;
import org.ncs.web.FieldError;
import org.ncs.web.InvalidRequestException;
import org.ncs.web.Messages;
import org.ncs.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The action plan's review: submitting the plan freezes its initiatives as the plan's next version; the reviewer
 * (the World Bank's co-facilitator, or without the World Bank the steering committee) comments on the version, on
 * each initiative or on the whole, and approves it or asks for changes. Versions and comments are kept for good
 * and read by everyone who may see the engagement. The lifecycle's tasks drive it ({@link ActionPlanSteps}).
 */
@Service
public class PlanReviews {

  private static final TypeReference<List<InitiativeView>> INITIATIVES = new TypeReference<>() {
  };

  private final ActionPlans actionPlans;
  private final ActionPlanRepository plans;
  private final PlanVersionRepository versions;
  private final PlanCommentRepository comments;
  private final AuditTrail audit;
  private final ObjectMapper json;
  private final Clock clock;

  PlanReviews(ActionPlans actionPlans, ActionPlanRepository plans, PlanVersionRepository versions,
      PlanCommentRepository comments, AuditTrail audit, ObjectMapper json, Clock clock) {
    this.actionPlans = actionPlans;
    this.plans = plans;
    this.versions = versions;
    this.comments = comments;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Freezes the cycle's plan as its next version. A plan goes to review with at least one initiative, each with
   * its lead agency (a draft made from a gap has none until the team names one).
   *
   * @return the version's number
   * @throws InvalidRequestException naming what keeps the plan from review; nothing is stored
   */
  @Transactional
  int submit(String engagementId, String country, int cycle, String by) {
    List<InitiativeView> initiatives = actionPlans.initiatives(engagementId, cycle);
    List<FieldError> errors = new ArrayList<>();
    if (initiatives.isEmpty()) {
      errors.add(new FieldError("actionPlan", Messages.get("actionplan.review.empty")));
    }
    initiatives.stream().filter(initiative -> initiative.leadAgency() == null).forEach(initiative ->
        errors.add(new FieldError("actionPlan", Messages.get("actionplan.review.noLead", initiative.number()))));
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    ActionPlan plan = plans.findByEngagementIdAndCycle(engagementId, cycle).orElseThrow();
    int number = versions.findFirstByPlanIdOrderByNumberDesc(plan.getId()).map(PlanVersion::number).orElse(0) + 1;
    PlanVersion version = versions.save(new PlanVersion(plan, country, number, write(initiatives), by,
        clock.instant()));
    audit.record(by, country, engagementId, "ACTION_PLAN_SUBMITTED", version.getId(),
        Map.of("version", number, "initiatives", initiatives.size()));
    return number;
  }

  /** The latest version's review begins, or passes to the other reviewer when a partner joined or left. */
  @Transactional
  void openReview(String engagementId, int cycle, Reviewer reviewer) {
    pending(engagementId, cycle).reviewBy(reviewer);
  }

  /**
   * The reviewer's decision on the latest version, with the general comment of their form if they wrote one.
   * Changes are asked for with at least one comment, on an initiative or on the plan.
   *
   * @throws InvalidRequestException when changes are asked for without a word on what to change
   */
  @Transactional
  void decide(String engagementId, int cycle, Decision decision, String comment, String by) {
    PlanVersion version = pending(engagementId, cycle);
    if (comment != null && !comment.isBlank()) {
      comments.save(new PlanComment(version.getId(), null, comment.trim(), by, clock.instant()));
    } else if (decision == Decision.CHANGES_REQUESTED && !comments.existsByVersionId(version.getId())) {
      throw new InvalidRequestException("actionPlanComments", Messages.get("actionplan.review.commentsNeeded"));
    }
    version.decide(decision, by, clock.instant());
    audit.record(by, version.tenantId(), engagementId, "ACTION_PLAN_" + decision.name(), version.getId(),
        Map.of("version", version.number(), "reviewer", String.valueOf(version.reviewer())));
  }

  /** The versions of the current cycle's plan, first to last. */
  @Transactional(readOnly = true)
  public List<VersionSummary> versions(String engagementId, CurrentUser user) {
    EngagementSummary engagement = actionPlans.engagement(engagementId, user);
    return plans.findByEngagementIdAndCycle(engagementId, engagement.cycle())
        .map(plan -> versions.summaries(plan.getId())).orElse(List.of());
  }

  /** A version with its initiatives, what changed since the one before, and the comments on it. */
  @Transactional(readOnly = true)
  public VersionView version(String engagementId, int number, CurrentUser user) {
    EngagementSummary engagement = actionPlans.engagement(engagementId, user);
    return view(listed(engagementId, engagement.cycle()), number);
  }

  /** The latest version, if the plan has been submitted. */
  @Transactional(readOnly = true)
  public Optional<VersionView> latest(String engagementId, CurrentUser user) {
    EngagementSummary engagement = actionPlans.engagement(engagementId, user);
    List<PlanVersion> listed = listed(engagementId, engagement.cycle());
    return listed.isEmpty() ? Optional.empty() : Optional.of(view(listed, listed.get(listed.size() - 1).number()));
  }

  /** Whether the user reviews the version waiting for a decision: they may comment on it. */
  public boolean reviews(VersionView version, CurrentUser user) {
    return version.version().decision() == null && mayReview(version.version(), user);
  }

  /** Whether the user is of the version's reviewer: the World Bank's co-facilitators, or the steering committee. */
  private static boolean mayReview(VersionSummary version, CurrentUser user) {
    return version.reviewer() != null && user.hasRole(version.reviewer() == Reviewer.WORLD_BANK
        ? Roles.WB_COFACILITATOR : Roles.STEERING_COMMITTEE);
  }

  /** A comment of the reviewer on the version under review, on one of its initiatives or on the whole. */
  @Transactional
  public CommentView comment(String engagementId, int number, PlanCommentRequest request, CurrentUser user) {
    EngagementSummary engagement = actionPlans.engagement(engagementId, user);
    List<PlanVersion> listed = locked(engagementId, engagement.cycle());
    VersionView version = view(listed, number);
    if (!mayReview(version.version(), user)) {
      throw new AccessDeniedException("Only the reviewer of the action plan comments on it");
    }
    if (version.version().decision() != null) {
      throw new ConflictException(Messages.get("actionplan.review.decided", number));
    }
    Optional<InitiativeView> initiative = Optional.ofNullable(request.initiativeId()).map(id ->
        version.initiatives().stream().filter(i -> i.id().equals(id)).findFirst()
            .orElseThrow(() -> new InvalidRequestException("initiativeId",
                Messages.get("actionplan.review.notInVersion", number))));
    PlanVersion stored = listed.get(number - 1);
    PlanComment comment = comments.save(new PlanComment(stored.getId(), request.initiativeId(),
        request.body().trim(), user.id(), clock.instant()));
    audit.record(user.id(), engagement.country().code(), engagementId, "ACTION_PLAN_COMMENTED", comment.getId(),
        Map.of("version", number, "initiative", initiative.map(InitiativeView::number).orElse(""),
            "body", comment.body()));
    return comment(comment, numbers(version.initiatives()));
  }

  /** The reviewer takes back a comment of theirs while the version still waits for the decision. */
  @Transactional
  public void removeComment(String engagementId, int number, String commentId, CurrentUser user) {
    EngagementSummary engagement = actionPlans.engagement(engagementId, user);
    List<PlanVersion> listed = locked(engagementId, engagement.cycle());
    if (number < 1 || number > listed.size()) {
      throw new NotFoundException(Messages.get("actionplan.review.noVersion", number));
    }
    PlanVersion version = listed.get(number - 1);
    PlanComment comment = comments.findById(commentId).filter(c -> c.versionId().equals(version.getId())
        && c.author().equals(user.id()))
        .orElseThrow(() -> new NotFoundException(Messages.get("actionplan.review.noComment", commentId)));
    if (version.decision() != null) {
      throw new ConflictException(Messages.get("actionplan.review.decided", number));
    }
    comments.delete(comment);
    // the comment is gone from the version; what it said stays in the audit trail
    audit.record(user.id(), engagement.country().code(), engagementId, "ACTION_PLAN_COMMENT_REMOVED",
        commentId, Map.of("version", number, "body", comment.body()));
  }

  private List<PlanVersion> listed(String engagementId, int cycle) {
    return plans.findByEngagementIdAndCycle(engagementId, cycle)
        .map(plan -> versions.findByPlanIdOrderByNumber(plan.getId())).orElse(List.of());
  }

  /** The versions, locked for a comment or a decision. */
  private List<PlanVersion> locked(String engagementId, int cycle) {
    return plans.findByEngagementIdAndCycle(engagementId, cycle)
        .map(plan -> versions.lockByPlanId(plan.getId())).orElse(List.of());
  }

  private PlanVersion pending(String engagementId, int cycle) {
    List<PlanVersion> listed = locked(engagementId, cycle);
    if (listed.isEmpty() || listed.get(listed.size() - 1).decision() != null) {
      throw new IllegalStateException("No version of the action plan of engagement " + engagementId
          + " waits for a decision");
    }
    return listed.get(listed.size() - 1);
  }

  private VersionView view(List<PlanVersion> listed, int number) {
    if (number < 1 || number > listed.size()) {
      throw new NotFoundException(Messages.get("actionplan.review.noVersion", number));
    }
    PlanVersion version = listed.get(number - 1);
    List<InitiativeView> initiatives = read(version);
    List<PlanComment> said = comments.findByVersionIdOrderByCreatedAt(version.getId());
    Map<String, String> numbers = numbers(initiatives);
    return new VersionView(summary(version, said.size()), initiatives,
        number == 1 ? null : PlanDiff.between(read(listed.get(number - 2)), initiatives),
        said.stream().map(comment -> comment(comment, numbers)).toList());
  }

  private static Map<String, String> numbers(List<InitiativeView> initiatives) {
    return initiatives.stream().collect(Collectors.toMap(InitiativeView::id, InitiativeView::number));
  }

  private static CommentView comment(PlanComment comment, Map<String, String> numbers) {
    return new CommentView(comment.getId(), comment.initiativeId(),
        comment.initiativeId() == null ? null : numbers.get(comment.initiativeId()), comment.body(),
        comment.author(), comment.createdAt());
  }

  private static VersionSummary summary(PlanVersion version, long comments) {
    return new VersionSummary(version.number(), version.submittedBy(), version.submittedAt(), version.reviewer(),
        version.decision(), version.decidedBy(), version.decidedAt(), comments);
  }

  private String write(List<InitiativeView> initiatives) {
    try {
      return json.writeValueAsString(initiatives);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An action plan that cannot be written as JSON", e);
    }
  }

  private List<InitiativeView> read(PlanVersion version) {
    try {
      return json.readValue(version.initiatives(), INITIATIVES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Version " + version.number() + " of an action plan is not JSON", e);
    }
  }
}
