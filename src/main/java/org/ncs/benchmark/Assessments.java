package org.ncs.benchmark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.ncs.audit.AuditTrail;
import org.ncs.benchmark.Assessment.State;
import org.ncs.benchmark.BenchmarkRequests.NewAssessment;
import org.ncs.benchmark.BenchmarkRequests.RatingRequest;
import org.ncs.benchmark.BenchmarkViews.AssessmentDetail;
import org.ncs.benchmark.BenchmarkViews.AssessmentSummary;
import org.ncs.benchmark.BenchmarkViews.HistoryEntry;
import org.ncs.benchmark.BenchmarkViews.RatingView;
import org.ncs.benchmark.BenchmarkViews.StepAssessment;
import org.ncs.catalogue.Catalogue;
import org.ncs.catalogue.Edition;
import org.ncs.catalogue.Element;
import org.ncs.catalogue.Scale;
import org.ncs.engagement.Engagements;
import org.ncs.notification.NotificationKind;
import org.ncs.notification.NotificationRequest;
import org.ncs.notification.Notifications;
import org.ncs.security.CurrentUser;
import org.ncs.security.Roles;
import org.ncs.security.SystemAccess;
import org.ncs.web.ConflictException;
import org.ncs.web.FieldError;
import org.ncs.web.InvalidRequestException;
import org.ncs.web.Messages;
import org.ncs.web.NotFoundException;
import org.ncs.web.RetryOnConflict;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessments and their ratings through their life: drafted, rated element by element and submitted by the
 * country's team; validated (frozen from then on) or returned with reasons by an ITU officer of the country who is
 * not on its team; corrected by a new draft that supersedes the validated one once it is validated in turn. One
 * assessment of an engagement is open (not validated) at a time. Every rating as set and every step is kept.
 */
@Service
public class Assessments {

  private static final Set<State> OPEN = Set.of(State.DRAFT, State.SUBMITTED, State.RETURNED);

  private final AssessmentRepository assessments;
  private final RatingRepository ratings;
  private final AssessmentEventRepository events;
  private final EvidenceRepository evidence;
  private final Engagements engagements;
  private final Catalogue catalogue;
  private final Scores scores;
  private final AuditTrail audit;
  private final Notifications notifications;
  private final TaskService tasks;
  private final SystemAccess system;
  private final ObjectMapper json;
  private final Clock clock;

  Assessments(AssessmentRepository assessments, RatingRepository ratings, AssessmentEventRepository events,
      EvidenceRepository evidence, Engagements engagements, Catalogue catalogue, Scores scores, AuditTrail audit,
      Notifications notifications, TaskService tasks, SystemAccess system, ObjectMapper json, Clock clock) {
    this.tasks = tasks;
    this.system = system;
    this.notifications = notifications;
    this.assessments = assessments;
    this.ratings = ratings;
    this.events = events;
    this.evidence = evidence;
    this.engagements = engagements;
    this.catalogue = catalogue;
    this.scores = scores;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<AssessmentSummary> list(String engagementId, CurrentUser user) {
    engagements.countryOf(engagementId, user);
    return assessments.findByEngagementIdOrderByAsOfDescCreatedAtDesc(engagementId).stream()
        .map(AssessmentSummary::of).toList();
  }

  @Transactional(readOnly = true)
  public AssessmentDetail get(String engagementId, String id, CurrentUser user) {
    Assessment assessment = visible(engagementId, id, user);
    List<Rating> rated = ratings.ofAssessment(id);
    return new AssessmentDetail(AssessmentSummary.of(assessment), views(rated, engagementId, user),
        scores.of(assessment, edition(assessment), rated).view());
  }

  @RetryOnConflict
  @Transactional
  public AssessmentSummary create(String engagementId, NewAssessment request, CurrentUser user) {
    String country = engagements.countryOf(engagementId, user);
    requireTeam(user);
    if (request.asOf().isAfter(LocalDate.now(clock))) {
      throw new InvalidRequestException("asOf", Messages.get("validation.notFuture"));
    }
    requireNoneOpen(engagementId);
    Edition edition = catalogue.current();
    Assessment assessment = assessments.save(new Assessment(engagementId, country, edition.key(),
        edition.revision(), request.kind(), request.asOf(), null, user.id(), clock.instant()));
    audit.record(user.id(), country, engagementId, "ASSESSMENT_CREATED", assessment.getId(),
        Map.of("after", Map.of("kind", request.kind().name(), "asOf", request.asOf().toString())));
    return AssessmentSummary.of(assessment);
  }

  /** Sets an element's ratings in an assessment that the team may still change. */
  @RetryOnConflict
  @Transactional
  public RatingView rate(String engagementId, String id, String elementId, RatingRequest request,
      CurrentUser user) {
    Assessment assessment = locked(engagementId, id, user);
    requireTeam(user);
    requireEditable(assessment);
    Edition edition = edition(assessment);
    if (edition.element(elementId).isEmpty()) {
      throw new InvalidRequestException("elementId", Messages.get("benchmark.noElement", elementId,
          assessment.edition()));
    }
    boolean notApplicable = Boolean.TRUE.equals(request.notApplicable());
    Set<String> cited = request.evidence() == null ? Set.of() : new TreeSet<>(request.evidence());
    String rationale = request.rationale() == null || request.rationale().isBlank() ? null
        : request.rationale().trim();
    List<FieldError> errors = new ArrayList<>();
    if (notApplicable) {
      if (request.coverage() != null) {
        errors.add(new FieldError("coverage", Messages.get("benchmark.rating.notApplicableLevels")));
      }
      if (request.implementation() != null) {
        errors.add(new FieldError("implementation", Messages.get("benchmark.rating.notApplicableLevels")));
      }
      if (rationale == null) {
        errors.add(new FieldError("rationale", Messages.get("benchmark.rating.notApplicableReason")));
      }
    } else {
      level(edition, Scale.COVERAGE, "coverage", request.coverage(), errors);
      level(edition, Scale.IMPLEMENTATION, "implementation", request.implementation(), errors);
      boolean aboveLowest = request.coverage() != null && request.coverage() > 0
          || request.implementation() != null && request.implementation() > 0;
      if (aboveLowest && cited.isEmpty()) {
        errors.add(new FieldError("evidence", Messages.get("benchmark.rating.evidenceNeeded")));
      }
    }
    if (!cited.isEmpty()) {
      Set<String> known = evidence.findByEngagementIdAndIdIn(engagementId, cited).stream().map(Evidence::getId)
          .collect(Collectors.toSet());
      List<String> unknown = cited.stream().filter(item -> !known.contains(item)).toList();
      if (!unknown.isEmpty()) {
        errors.add(new FieldError("evidence", Messages.get("benchmark.rating.unknownEvidence",
            String.join(", ", unknown))));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    Rating rating = ratings.findByAssessmentIdAndElementId(id, elementId)
        .orElseGet(() -> new Rating(id, elementId));
    rating.set(request.coverage(), request.implementation(), notApplicable, rationale, cited, user.id(),
        clock.instant());
    ratings.save(rating);
    event(assessment, elementId, "RATED", ratingDetail(rating), user);
    return view(rating, cited);
  }

  /** The team hands a complete assessment to the ITU officers of the country. */
  @RetryOnConflict
  @Transactional
  public AssessmentSummary submit(String engagementId, String id, CurrentUser user) {
    Assessment assessment = locked(engagementId, id, user);
    requireTeam(user);
    requireEditable(assessment);
    List<FieldError> missing = unrated(assessment).stream()
        .map(element -> new FieldError("ratings." + element, Messages.get("benchmark.notRated")))
        .toList();
    if (!missing.isEmpty()) {
      throw new InvalidRequestException(missing);
    }
    assessment.submit(user.id(), clock.instant());
    notify(assessment, NotificationKind.TO_VALIDATE, null, Roles.ITU_OFFICER, null);
    return decided(assessment, "SUBMITTED", Map.of(), user);
  }

  /** The next element still to rate after this one, in the edition's order (from the start again at the end). */
  @Transactional(readOnly = true)
  public Optional<String> nextToRate(String engagementId, String id, String after, CurrentUser user) {
    Assessment assessment = visible(engagementId, id, user);
    List<String> order = edition(assessment).elements().map(Element::id).toList();
    List<String> unrated = unrated(assessment);
    int from = order.indexOf(after);
    return unrated.stream().filter(element -> order.indexOf(element) > from).findFirst()
        .or(() -> unrated.stream().findFirst());
  }

  /** The elements of the assessment's edition it does not rate yet, in the edition's order. */
  private List<String> unrated(Assessment assessment) {
    Set<String> rated = ratings.ofAssessment(assessment.getId()).stream().map(Rating::elementId)
        .collect(Collectors.toSet());
    return edition(assessment).elements().map(Element::id).filter(element -> !rated.contains(element)).toList();
  }

  /** An ITU officer of the country accepts the assessment: it counts from now on, and is frozen. */
  @RetryOnConflict
  @Transactional
  public AssessmentSummary validate(String engagementId, String id, CurrentUser user) {
    Assessment assessment = reviewable(engagementId, id, user);
    assessment.validate(user.id(), clock.instant());
    scores.freeze(assessment, edition(assessment), ratings.ofAssessment(id));
    if (assessment.supersedes() != null) {
      assessments.findById(assessment.supersedes()).ifPresent(old -> old.supersededBy(assessment.getId()));
    }
    return decided(assessment, "VALIDATED", Map.of(), user);
  }

  /** An ITU officer of the country sends the assessment back to the team, saying why. */
  @RetryOnConflict
  @Transactional
  public AssessmentSummary returnWith(String engagementId, String id, String reasons, CurrentUser user) {
    Assessment assessment = reviewable(engagementId, id, user);
    assessment.returnWith(reasons.trim(), user.id(), clock.instant());
    notify(assessment, NotificationKind.ASSESSMENT_BACK, assessment.submittedBy(), null, reasons.trim());
    return decided(assessment, "RETURNED", Map.of("reasons", reasons.trim()), user);
  }

  /**
   * Opens a correction of a validated assessment: a draft with the same ratings that, once validated, supersedes
   * it. The validated one stays as it was.
   */
  @RetryOnConflict
  @Transactional
  public AssessmentSummary correct(String engagementId, String id, CurrentUser user) {
    Assessment original = locked(engagementId, id, user);
    requireTeam(user);
    if (original.state() != State.VALIDATED || original.supersededBy() != null) {
      throw new ConflictException(Messages.get("benchmark.onlyLatestValidatedCorrected"));
    }
    requireNoneOpen(engagementId);
    Assessment correction = assessments.save(new Assessment(engagementId, original.tenantId(), original.edition(),
        original.revision(), original.kind(), original.asOf(), original.getId(), user.id(), clock.instant()));
    copyRatings(original, correction, edition(original));
    event(correction, null, "CORRECTS", Map.of("assessment", id), user);
    audit.record(user.id(), original.tenantId(), engagementId, "ASSESSMENT_CORRECTED", correction.getId(),
        Map.of("supersedes", id));
    return AssessmentSummary.of(correction);
  }

  /**
   * The assessment a lifecycle step waits for, as the step's page shows it: where it stands, how much is rated. If
   * the team threw it away, the engagement's open one, if any (a step is satisfied by any validated since it
   * began); an empty assessment says none is under way.
   */
  @Transactional(readOnly = true)
  public Optional<StepAssessment> ofStep(String taskId, String engagementId, CurrentUser user) {
    engagements.countryOf(engagementId, user);
    Object linked = system.call(() -> tasks.getVariableLocal(taskId, AssessmentSteps.ASSESSMENT));
    if (linked == null) {
      return Optional.empty();
    }
    Optional<Assessment> found = assessments.findById(linked.toString())
        .filter(one -> one.engagementId().equals(engagementId))
        .or(() -> assessments.findByOpenFor(engagementId));
    return Optional.of(found.map(one -> new StepAssessment(AssessmentSummary.of(one),
        ratings.ofAssessment(one.getId()).size(), edition(one).elements().count()))
        .orElse(new StepAssessment(null, 0, 0)));
  }

  /**
   * The assessment a lifecycle step works on (the landscape assessment: a baseline; a monitoring round: a progress
   * assessment): one of that kind validated since {@code reuseValidatedSince} if asked for, else the engagement's
   * open one if it has one, else a new draft of that kind as of today. A new draft starts from the ratings of the
   * latest validated assessment of the same edition, so that the team changes only what moved.
   */
  @Transactional
  String openForStep(String engagementId, String country, AssessmentKind kind, String actor,
      Instant reuseValidatedSince) {
    List<Assessment> validated = assessments
        .findByEngagementIdAndStateAndSupersededByIsNullOrderByAsOfAscCreatedAtAsc(engagementId, State.VALIDATED);
    if (reuseValidatedSince != null) {
      Optional<Assessment> recent = validated.stream().filter(one -> one.kind() == kind
          && !one.decidedAt().isBefore(reuseValidatedSince)).reduce((first, second) -> second);
      if (recent.isPresent()) {
        return recent.get().getId();
      }
    }
    return assessments.findByOpenFor(engagementId).map(Assessment::getId).orElseGet(() -> {
      Edition edition = catalogue.current();
      Assessment draft = assessments.save(new Assessment(engagementId, country, edition.key(), edition.revision(),
          kind, LocalDate.now(clock), null, actor, clock.instant()));
      Map<String, Object> detail = new LinkedHashMap<>(Map.of("kind", kind.name(), "asOf", draft.asOf().toString()));
      validated.stream().filter(one -> one.edition().equals(edition.key())).reduce((first, second) -> second)
          .ifPresent(latest -> {
            copyRatings(latest, draft, edition);
            detail.put("prefilledFrom", latest.getId());
          });
      audit.record(actor, country, engagementId, "ASSESSMENT_CREATED", draft.getId(), Map.of("after", detail));
      return draft.getId();
    });
  }

  /**
   * What keeps a lifecycle step from completing, if anything: it needs the assessment it opened validated, or
   * another one validated since the step began (the team may have discarded the first and started again).
   */
  @Transactional(readOnly = true)
  Optional<State> blocking(String engagementId, String linkedId, Instant since) {
    Optional<Assessment> linked = linkedId == null ? Optional.empty() : assessments.findById(linkedId);
    if (linked.filter(one -> one.state() == State.VALIDATED).isPresent()
        || assessments.existsByEngagementIdAndStateAndDecidedAtGreaterThanEqual(engagementId, State.VALIDATED,
            since)) {
      return Optional.empty();
    }
    return Optional.of(linked.map(Assessment::state).orElse(State.DRAFT));
  }

  /** The ratings of one assessment copied into a new one, as they were set, for the elements the edition has. */
  private void copyRatings(Assessment from, Assessment to, Edition edition) {
    for (Rating rating : ratings.ofAssessment(from.getId())) {
      if (edition.element(rating.elementId()).isPresent()) {
        Rating copy = new Rating(to.getId(), rating.elementId());
        copy.set(rating.coverage(), rating.implementation(), rating.notApplicable(), rating.rationale(),
            rating.evidence(), rating.setBy(), rating.setAt());
        ratings.save(copy);
        if (to.supersedes() == null) {
          // a correction's history runs through the one it supersedes; a pre-filled draft's starts here
          Map<String, Object> detail = ratingDetail(copy);
          detail.put("from", from.getId());
          event(to, rating.elementId(), "PREFILLED", detail, rating.setBy());
        }
      }
    }
  }

  /** Throws away a draft (or a returned one) that should not have been started: it never counted. */
  @RetryOnConflict
  @Transactional
  public void discard(String engagementId, String id, CurrentUser user) {
    Assessment assessment = locked(engagementId, id, user);
    requireTeam(user);
    requireEditable(assessment);
    ratings.deleteAll(ratings.ofAssessment(id));
    events.deleteByAssessmentId(id);
    assessments.delete(assessment);
    audit.record(user.id(), assessment.tenantId(), engagementId, "ASSESSMENT_DISCARDED", id,
        Map.of("before", Map.of("kind", assessment.kind().name(), "asOf", assessment.asOf().toString())));
  }

  /**
   * How an element's rating came to be: every rating as set and every submission, return and validation, across
   * the assessment and the ones it corrects, oldest first.
   */
  @Transactional(readOnly = true)
  public List<HistoryEntry> history(String engagementId, String id, String elementId, CurrentUser user) {
    Assessment assessment = visible(engagementId, id, user);
    if (edition(assessment).element(elementId).isEmpty()) {
      throw new NotFoundException(Messages.get("benchmark.noElement", elementId, assessment.edition()));
    }
    List<String> chain = new ArrayList<>();
    for (Assessment at = assessment; at != null && chain.size() < 100;
        at = at.supersedes() == null ? null : assessments.findById(at.supersedes()).orElse(null)) {
      chain.add(at.getId());
    }
    Set<String> hidden = hiddenEvidence(engagementId, user);
    return events.history(chain, elementId).stream().map(event -> entry(event, hidden)).toList();
  }

  private HistoryEntry entry(AssessmentEvent event, Set<String> hidden) {
    JsonNode detail = read(event.detail());
    List<String> cited = new ArrayList<>();
    detail.path("evidence").forEach(item -> {
      if (!hidden.contains(item.asText())) {
        cited.add(item.asText());
      }
    });
    return new HistoryEntry(event.assessmentId(), event.action(), integer(detail, "coverage"),
        integer(detail, "implementation"), detail.has("notApplicable") ? detail.path("notApplicable").asBoolean()
            : null, detail.path("rationale").asText(null), event.elementId() == null ? null : cited,
        detail.path("reasons").asText(null), event.actor(), event.happenedAt());
  }

  private static Integer integer(JsonNode detail, String field) {
    return detail.hasNonNull(field) ? detail.path(field).asInt() : null;
  }

  private AssessmentSummary decided(Assessment assessment, String action, Map<String, Object> detail,
      CurrentUser user) {
    assessments.save(assessment);
    event(assessment, null, action, detail, user);
    audit.record(user.id(), assessment.tenantId(), assessment.engagementId(), "ASSESSMENT_" + action,
        assessment.getId(), detail);
    return AssessmentSummary.of(assessment);
  }

  /** Who must hear of it: the ITU officers of the country (a group in its tenant), or one person. */
  private void notify(Assessment assessment, NotificationKind kind, String user, String group, String reasons) {
    notifications.record(new NotificationRequest(kind, assessment.tenantId(), assessment.engagementId(), null, null,
        user, group, assessment.tenantId() + " · " + assessment.asOf(), reasons));
  }

  private Assessment reviewable(String engagementId, String id, CurrentUser user) {
    Assessment assessment = locked(engagementId, id, user);
    if (!BenchmarkAccess.isReviewer(user)) {
      throw new AccessDeniedException("Only an ITU officer of the country, not on its team, validates");
    }
    if (assessment.state() != State.SUBMITTED) {
      throw new ConflictException(Messages.get("benchmark.notSubmitted"));
    }
    return assessment;
  }

  private Assessment visible(String engagementId, String id, CurrentUser user) {
    engagements.countryOf(engagementId, user);
    return assessments.findById(id).filter(found -> found.engagementId().equals(engagementId))
        .orElseThrow(() -> new NotFoundException(Messages.get("benchmark.assessmentNotFound", id)));
  }

  /** The assessment, locked for a change: a rating and a submission, say, never cross. */
  private Assessment locked(String engagementId, String id, CurrentUser user) {
    engagements.countryOf(engagementId, user);
    return assessments.lockById(id).filter(found -> found.engagementId().equals(engagementId))
        .orElseThrow(() -> new NotFoundException(Messages.get("benchmark.assessmentNotFound", id)));
  }

  /** Checked first for a clear answer; the unique {@code open_for} column settles a race between two requests. */
  private void requireNoneOpen(String engagementId) {
    if (assessments.existsByEngagementIdAndStateIn(engagementId, OPEN)) {
      throw new ConflictException(Messages.get("benchmark.oneOpen"));
    }
  }

  private static void requireTeam(CurrentUser user) {
    if (!BenchmarkAccess.isTeam(user)) {
      throw new AccessDeniedException("Only the country's team drafts and submits its assessments");
    }
  }

  private static void requireEditable(Assessment assessment) {
    if (!assessment.state().editable()) {
      throw new ConflictException(Messages.get(assessment.state() == State.VALIDATED ? "benchmark.frozen"
          : "benchmark.underReview"));
    }
  }

  private static void level(Edition edition, Scale scale, String field, Integer level, List<FieldError> errors) {
    int top = edition.scales().top(scale);
    if (level == null) {
      errors.add(new FieldError(field, Messages.get("validation.required")));
    } else if (level < 0 || level > top) {
      errors.add(new FieldError(field, Messages.get("benchmark.rating.outOfScale", top)));
    }
  }

  Edition edition(Assessment assessment) {
    return catalogue.edition(assessment.edition()).orElseThrow(() -> new IllegalStateException(
        "Assessment " + assessment.getId() + " is of edition " + assessment.edition() + ", which is not loaded"));
  }

  /** The confidential items of the register the reader may not see: left out of what they are shown. */
  Set<String> hiddenEvidence(String engagementId, CurrentUser user) {
    if (BenchmarkAccess.maySeeConfidential(user)) {
      return Set.of();
    }
    return evidence.findByEngagementIdOrderByCreatedAtDesc(engagementId).stream().filter(Evidence::confidential)
        .map(Evidence::getId).collect(Collectors.toCollection(HashSet::new));
  }

  Map<String, RatingView> views(List<Rating> rated, String engagementId, CurrentUser user) {
    Set<String> hidden = hiddenEvidence(engagementId, user);
    Map<String, RatingView> views = new LinkedHashMap<>();
    rated.stream().sorted((a, b) -> a.elementId().compareTo(b.elementId())).forEach(rating -> views.put(
        rating.elementId(), view(rating, rating.evidence().stream().filter(item -> !hidden.contains(item))
            .collect(Collectors.toCollection(TreeSet::new)))));
    return views;
  }

  private static RatingView view(Rating rating, Set<String> cited) {
    return new RatingView(rating.elementId(), rating.coverage(), rating.implementation(), rating.notApplicable(),
        rating.rationale(), List.copyOf(cited), rating.setBy(), rating.setAt());
  }

  private static Map<String, Object> ratingDetail(Rating rating) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("coverage", rating.coverage());
    detail.put("implementation", rating.implementation());
    detail.put("notApplicable", rating.notApplicable());
    detail.put("rationale", rating.rationale());
    detail.put("evidence", new TreeSet<>(rating.evidence()));
    return detail;
  }

  private void event(Assessment assessment, String elementId, String action, Map<String, ?> detail,
      CurrentUser user) {
    event(assessment, elementId, action, detail, user.id());
  }

  private void event(Assessment assessment, String elementId, String action, Map<String, ?> detail, String actor) {
    try {
      events.save(new AssessmentEvent(assessment.getId(), elementId, action, json.writeValueAsString(detail), actor,
          clock.instant()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot record the assessment's history", e);
    }
  }

  private JsonNode read(String detail) {
    try {
      return json.readTree(detail);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A recorded assessment event is not JSON", e);
    }
  }
}
