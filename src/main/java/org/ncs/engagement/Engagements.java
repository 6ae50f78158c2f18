package org.ncs.engagement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ncs.audit.AuditTrail;
import org.ncs.catalogue.Catalogue;
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
import org.ncs.lifecycle.Consultation;
import org.ncs.lifecycle.CycleStarted;
import org.ncs.lifecycle.LifecycleClosed;
import org.ncs.lifecycle.LifecyclePlan;
import org.ncs.lifecycle.LifecycleStatus;
import org.ncs.lifecycle.Lifecycles;
import org.ncs.lifecycle.StrategyAdopted;
import org.ncs.lifecycle.TaskInbox;
import org.ncs.notification.Mentions;
import org.ncs.notification.NotificationKind;
import org.ncs.notification.NotificationRequest;
import org.ncs.notification.Notifications;
import org.ncs.security.CurrentUser;
import org.ncs.security.Memberships;
import org.ncs.security.Roles;
import org.ncs.web.ConflictException;
import org.ncs.web.FieldError;
import org.ncs.web.InvalidRequestException;
import org.ncs.web.Messages;
import org.ncs.web.NotFoundException;
import org.ncs.web.ResultPage;
import org.ncs.web.RetryOnConflict;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Engagements and who works on them. Every operation first checks that the caller may see the engagement's
 * country (otherwise it does not exist for them: 404), then that their role allows the operation (403). Every
 * change is written to the audit trail in the same transaction, and engine groups and tenants follow membership.
 * A write that meets a concurrent change of the same lifecycle or rows is run again ({@link RetryOnConflict}).
 */
@Service
public class Engagements {

  private final EngagementRepository engagements;
  private final MemberRepository members;
  private final Notifications notifications;
  private final StakeholderRepository stakeholders;
  private final CommentRepository comments;
  private final Countries countries;
  private final Lifecycles lifecycles;
  private final TaskInbox inbox;
  private final Memberships memberships;
  private final AuditTrail audit;
  private final Catalogue catalogue;
  private final ObjectMapper json;
  private final Clock clock;

  Engagements(EngagementRepository engagements, MemberRepository members, StakeholderRepository stakeholders,
      CommentRepository comments, Countries countries, Lifecycles lifecycles, TaskInbox inbox,
      Memberships memberships, Notifications notifications, AuditTrail audit, Catalogue catalogue, ObjectMapper json,
      Clock clock) {
    this.engagements = engagements;
    this.members = members;
    this.stakeholders = stakeholders;
    this.comments = comments;
    this.countries = countries;
    this.lifecycles = lifecycles;
    this.inbox = inbox;
    this.memberships = memberships;
    this.notifications = notifications;
    this.audit = audit;
    this.catalogue = catalogue;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Opens an engagement for a country and starts its lifecycle in the country's tenant. An ITU officer who opens
   * one becomes its first member, and the ITU a partner.
   */
  @RetryOnConflict
  @Transactional
  public EngagementDetail create(NewEngagement request, CurrentUser user, Locale locale) {
    if (!user.isAdmin() && !user.hasRole(Roles.ITU_OFFICER)) {
      throw new AccessDeniedException("Only administrators and ITU officers open engagements");
    }
    LifecyclePlan plan = plan(request);
    if (engagements.existsByCountryAndCycleAndStatus(request.country(), 1, EngagementStatus.ACTIVE)) {
      throw new ConflictException(Messages.get("engagement.activeExists", request.country()));
    }
    Engagement engagement = engagements.saveAndFlush(new Engagement(request.country(), request.title().trim(),
        partners(request.partners()), plan.strategyEndDate(), plan.reportingCadence().toString(),
        plan.monitoringCadence().toString(), plan.gracePeriod().toString(), durationsJson(plan), user.id(),
        clock.instant()));
    if (!user.isAdmin()) {
      members.save(new Member(engagement.id(), user.id(), Roles.ITU_OFFICER, user.id(), clock.instant()));
      engagement.addPartner(Roles.PARTNER_ORGANISATIONS.get(Roles.ITU_OFFICER));
      sync(user.id());
    }
    engagement.lifecycleStarted(lifecycles.start(engagement.id(), engagement.country(), plan,
        engagement.partners()));
    audit.record(user.id(), engagement.country(), engagement.id(), "ENGAGEMENT_CREATED", engagement.id(),
        Map.of("after", Map.of("country", engagement.country(), "title", engagement.title(),
            "partners", engagement.partners(), "strategyEndDate", engagement.strategyEndDate().toString())));
    return detail(engagement, locale);
  }

  /** How many engagements there are, in all countries. */
  @Transactional(readOnly = true)
  public long count() {
    return engagements.count();
  }

  /** The engagements of the caller's countries (every country for an administrator), newest first. */
  @Transactional(readOnly = true)
  public ResultPage<EngagementSummary> list(CurrentUser user, String country, EngagementStatus status, int page,
      int size, Locale locale) {
    Pageable pageable = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id")));
    Set<String> visible = country == null ? user.tenants()
        : user.canSee(country) ? Set.of(country) : Set.of();
    var found = user.isAdmin() && country == null
        ? (status == null ? engagements.findAll(pageable) : engagements.findByStatus(status, pageable))
        : status == null ? engagements.findByCountryIn(visible, pageable)
        : engagements.findByCountryInAndStatus(visible, status, pageable);
    return ResultPage.of(found, engagement -> summary(engagement, locale));
  }

  /** Those of the engagements that the caller may see, by id, in one query. */
  @Transactional(readOnly = true)
  public Map<String, EngagementSummary> summaries(Collection<String> ids, CurrentUser user, Locale locale) {
    Map<String, EngagementSummary> found = new LinkedHashMap<>();
    engagements.findAllById(Set.copyOf(ids)).stream()
        .filter(engagement -> user.canSee(engagement.country()))
        .forEach(engagement -> found.put(engagement.id(), summary(engagement, locale)));
    return found;
  }

  /** One engagement the caller may see; 404, as for one that does not exist, for any other. */
  @Transactional(readOnly = true)
  public EngagementSummary summary(String id, CurrentUser user, Locale locale) {
    return summary(visible(id, user), locale);
  }

  /** Whether the caller may manage the engagement's team and stakeholders (the pages offer it only then). */
  @Transactional(readOnly = true)
  public boolean canManage(String id, CurrentUser user) {
    return user.isAdmin() || user.hasRole(Roles.ITU_OFFICER) || isMember(id, user, Roles.LEAD_AUTHORITY);
  }

  /** The country of an engagement the user may see; 404, as for one that does not exist, for any other. */
  @Transactional(readOnly = true)
  public String countryOf(String id, CurrentUser user) {
    return visible(id, user).country();
  }

  /** The engagement with where its lifecycle stands, its open and overdue tasks, and its members. */
  @Transactional(readOnly = true)
  public EngagementDetail get(String id, CurrentUser user, Locale locale) {
    return detail(visible(id, user), locale);
  }

  @RetryOnConflict
  @Transactional
  public MemberView addMember(String id, NewMember request, CurrentUser user) {
    Engagement engagement = manageable(id, user);
    List<FieldError> errors = new ArrayList<>();
    if (!Roles.ENGAGEMENT_ROLES.contains(request.role())) {
      errors.add(new FieldError("role", Messages.get("validation.option", String.join(", ", Roles.ENGAGEMENT_ROLES))));
    }
    if (!memberships.userExists(request.userId())) {
      errors.add(new FieldError("userId", Messages.get("validation.unknownUser")));
    } else if (Roles.PARTNER_ROLES.contains(request.role()) && !memberships.hasGroup(request.userId(), request.role())) {
      errors.add(new FieldError("role", Messages.get("validation.partnerRole")));
    } else {
      otherCountry(request, engagement.country()).ifPresent(other ->
          errors.add(new FieldError("userId", Messages.get("validation.oneCountry", other))));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    if (members.existsByEngagementIdAndUserIdAndRole(id, request.userId(), request.role())) {
      throw new ConflictException(Messages.get("engagement.alreadyMember", request.userId(), request.role()));
    }
    Member member = members.save(new Member(id, request.userId(), request.role(), user.id(), clock.instant()));
    sync(request.userId());
    audit.record(user.id(), engagement.country(), id, "MEMBER_ADDED", request.userId(),
        Map.of("after", Map.of("userId", request.userId(), "role", request.role())));
    // someone who works for a partner makes their organisation a partner, and the lifecycle knows at once
    String organisation = Roles.PARTNER_ORGANISATIONS.get(request.role());
    if (organisation != null && engagement.addPartner(organisation)) {
      lifecycles.partnersChanged(id, engagement.partners());
      audit.record(user.id(), engagement.country(), id, "PARTNER_ADDED", organisation,
          Map.of("after", Map.of("partners", engagement.partners())));
    }
    return MemberView.of(member);
  }

  @RetryOnConflict
  @Transactional
  public void removeMember(String id, String memberId, CurrentUser user) {
    Engagement engagement = manageable(id, user);
    Member member = members.findById(memberId)
        .filter(m -> m.engagementId().equals(id))
        .orElseThrow(() -> new NotFoundException(Messages.get("engagement.memberNotFound", memberId)));
    members.delete(member);
    members.flush();
    // no longer a stakeholder of the engagement: no longer answers for its organisations either
    if (member.role().equals(Roles.STAKEHOLDER)
        && !members.existsByEngagementIdAndUserIdAndRole(id, member.userId(), Roles.STAKEHOLDER)) {
      stakeholders.findByEngagementId(id).forEach(stakeholder -> stakeholder.removePerson(member.userId()));
    }
    sync(member.userId());
    audit.record(user.id(), engagement.country(), id, "MEMBER_REMOVED", member.userId(),
        Map.of("before", Map.of("userId", member.userId(), "role", member.role())));
    // the organisation's last person leaving ends its partnership, and the lifecycle knows at once: a review of
    // the action plan pending with the World Bank passes to the steering committee
    String organisation = Roles.PARTNER_ORGANISATIONS.get(member.role());
    if (organisation != null && !members.existsByEngagementIdAndRole(id, member.role())
        && engagement.removePartner(organisation)) {
      lifecycles.partnersChanged(id, engagement.partners());
      audit.record(user.id(), engagement.country(), id, "PARTNER_REMOVED", organisation,
          Map.of("after", Map.of("partners", engagement.partners())));
    }
  }

  @RetryOnConflict
  @Transactional
  public StakeholderView addStakeholder(String id, NewStakeholder request, CurrentUser user) {
    Engagement engagement = manageable(id, user);
    if (!Consultation.STAKEHOLDER_GROUPS.contains(request.category())) {
      throw new InvalidRequestException("category",
          Messages.get("validation.option", String.join(", ", Consultation.STAKEHOLDER_GROUPS)));
    }
    Stakeholder stakeholder = stakeholders.save(new Stakeholder(id, request.organisation().trim(),
        request.category(), request.contactName(), request.contactEmail(), user.id(), clock.instant()));
    audit.record(user.id(), engagement.country(), id, "STAKEHOLDER_ADDED", stakeholder.id(),
        Map.of("after", Map.of("organisation", stakeholder.organisation(), "category", stakeholder.category())));
    return StakeholderView.of(stakeholder);
  }

  /**
   * Names a person who answers for a registered organisation. They must be on the engagement's team as a
   * stakeholder: that is what lets them into the country's work at all.
   */
  @RetryOnConflict
  @Transactional
  public StakeholderView addPerson(String id, String stakeholderId, NewPerson request, CurrentUser user) {
    Engagement engagement = manageable(id, user);
    Stakeholder stakeholder = stakeholder(id, stakeholderId);
    if (!members.existsByEngagementIdAndUserIdAndRole(id, request.userId(), Roles.STAKEHOLDER)) {
      throw new InvalidRequestException("userId", Messages.get("validation.stakeholderMember", request.userId()));
    }
    if (!stakeholder.addPerson(request.userId())) {
      throw new ConflictException(Messages.get("engagement.alreadyPerson", request.userId(),
          stakeholder.organisation()));
    }
    audit.record(user.id(), engagement.country(), id, "STAKEHOLDER_PERSON_ADDED", stakeholderId,
        Map.of("after", Map.of("organisation", stakeholder.organisation(), "userId", request.userId())));
    return StakeholderView.of(stakeholder);
  }

  @RetryOnConflict
  @Transactional
  public void removePerson(String id, String stakeholderId, String userId, CurrentUser user) {
    Engagement engagement = manageable(id, user);
    Stakeholder stakeholder = stakeholder(id, stakeholderId);
    if (!stakeholder.removePerson(userId)) {
      throw new NotFoundException(Messages.get("engagement.personNotFound", userId, stakeholder.organisation()));
    }
    audit.record(user.id(), engagement.country(), id, "STAKEHOLDER_PERSON_REMOVED", stakeholderId,
        Map.of("before", Map.of("organisation", stakeholder.organisation(), "userId", userId)));
  }

  /** The organisations of a stakeholder category a person answers for in an engagement (for the record). */
  @Transactional(readOnly = true)
  public List<String> organisationsOf(String id, String category, String userId) {
    return stakeholders.organisationsOf(id, category, userId);
  }

  private Stakeholder stakeholder(String id, String stakeholderId) {
    return stakeholders.findByIdAndEngagementId(stakeholderId, id)
        .orElseThrow(() -> new NotFoundException(Messages.get("engagement.stakeholderNotFound", stakeholderId)));
  }

  @Transactional(readOnly = true)
  public ResultPage<StakeholderView> stakeholders(String id, CurrentUser user, int page, int size) {
    visible(id, user);
    return ResultPage.of(stakeholders.findByEngagementIdOrderByOrganisation(id, PageRequest.of(page, size)),
        StakeholderView::of);
  }

  /** A comment on the engagement or, with {@code taskId}, on one of its open tasks the caller can see. */
  @RetryOnConflict
  @Transactional
  public CommentView comment(String id, String taskId, NewComment request, CurrentUser user) {
    Engagement engagement = visible(id, user);
    if (taskId != null) {
      inbox.find(taskId).filter(task -> id.equals(task.engagementId()))
          .orElseThrow(() -> new NotFoundException(Messages.get("engagement.taskNotFound", taskId)));
    }
    Comment comment = comments.save(new Comment(id, taskId, user.id(), request.body().trim(), clock.instant()));
    audit.record(user.id(), engagement.country(), id, "COMMENT_ADDED", taskId == null ? comment.id() : taskId,
        Map.of("comment", comment.id()));
    mentioned(engagement, taskId, comment.body(), user);
    return CommentView.of(comment);
  }

  /**
   * Tells those a comment names ({@code @user}) that it does: members of the engagement's team only, so nobody of
   * another country hears of it, and not the author. The notification says where, not what: the comment is read in
   * the service.
   */
  private void mentioned(Engagement engagement, String taskId, String body, CurrentUser author) {
    Set<String> named = Mentions.in(body);
    named.remove(author.id());
    if (named.isEmpty()) {
      return;
    }
    members.findByEngagementIdOrderByAddedAt(engagement.id()).stream().map(Member::userId).distinct()
        .filter(named::contains)
        .forEach(user -> notifications.record(new NotificationRequest(NotificationKind.MENTION,
            engagement.country(), engagement.id(), null, taskId, user, null, engagement.title(), null)));
  }

  @Transactional(readOnly = true)
  public ResultPage<CommentView> comments(String id, String taskId, CurrentUser user, int page, int size) {
    visible(id, user);
    PageRequest pageable = PageRequest.of(page, size);
    return ResultPage.of(taskId == null
        ? comments.findByEngagementIdOrderByCreatedAtDesc(id, pageable)
        : comments.findByEngagementIdAndTaskIdOrderByCreatedAtDesc(id, taskId, pageable), CommentView::of);
  }

  /**
   * Who did what and when, newest first: tasks completed with their decisions, members, stakeholders, comments
   * with their text (read for the whole page at once).
   */
  @Transactional(readOnly = true)
  public ResultPage<HistoryEntry> history(String id, CurrentUser user, int page, int size) {
    visible(id, user);
    Page<HistoryEntry> entries = audit.forEngagement(id, PageRequest.of(page, size))
        .map(event -> HistoryEntry.of(event, json));
    Set<String> commentIds = entries.stream().map(HistoryEntry::commentId).filter(Objects::nonNull)
        .collect(Collectors.toSet());
    Map<String, String> texts = commentIds.isEmpty() ? Map.of()
        : comments.findByEngagementIdAndIdIn(id, commentIds).stream()
            .collect(Collectors.toMap(Comment::id, Comment::body));
    return ResultPage.of(entries, entry -> entry.commentId() == null ? entry
        : entry.withComment(texts.get(entry.commentId())));
  }

  /**
   * The strategy was adopted outside the system while it awaited approval (a cabinet decision, say). The
   * engagement's record follows in the same transaction ({@link #on(StrategyAdopted)}).
   */
  @RetryOnConflict
  @Transactional
  public void recordAdoption(String id, Adoption adoption, CurrentUser user) {
    steerable(id, user);
    List<FieldError> errors = new ArrayList<>();
    if (!adoption.strategyEndDate().isAfter(adoption.adoptionDate())) {
      errors.add(new FieldError("strategyEndDate", Messages.get("validation.afterField", "adoptionDate")));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    lifecycles.recordExternalAdoption(id, adoption.reference().trim(), adoption.adoptionDate(),
        adoption.strategyEndDate(), user.id());
  }

  /** However the strategy was adopted, the engagement records it and the period it set, as the engine has it. */
  @EventListener
  void on(StrategyAdopted event) {
    engagements.findById(event.engagementId()).ifPresent(engagement -> {
      LocalDate before = engagement.strategyEndDate();
      engagement.strategyAdopted(event.strategyEndDate());
      audit.record(event.adoptedBy(), engagement.country(), engagement.id(), "STRATEGY_ADOPTED", event.reference(),
          Map.of("before", Map.of("strategyEndDate", before.toString()),
              "after", Map.of("reference", event.reference(), "adoptionDate", event.adoptionDate().toString(),
                  "strategyEndDate", event.strategyEndDate().toString())));
    });
  }

  /** The strategy period ends now, before its planned last day: implementation stops and evaluation begins. */
  @RetryOnConflict
  @Transactional
  public void endStrategyPeriod(String id, CurrentUser user) {
    Engagement engagement = steerable(id, user);
    if (lifecycles.endStrategyPeriod(id) == 0) {
      throw new ConflictException(Messages.get("engagement.notImplementing"));
    }
    audit.record(user.id(), engagement.country(), id, "STRATEGY_PERIOD_ENDED", id, Map.of());
  }

  @EventListener
  void on(CycleStarted event) {
    engagements.findById(event.engagementId()).ifPresent(engagement -> {
      int before = engagement.cycle();
      engagement.cycleStarted(event.cycle());
      audit.record(null, engagement.country(), engagement.id(), "CYCLE_STARTED", engagement.id(),
          Map.of("before", before, "after", event.cycle()));
    });
  }

  @EventListener
  void on(LifecycleClosed event) {
    engagements.findById(event.engagementId()).ifPresent(engagement -> {
      engagement.close();
      audit.record(null, engagement.country(), engagement.id(), "ENGAGEMENT_CLOSED", engagement.id(),
          Map.of("before", EngagementStatus.ACTIVE, "after", EngagementStatus.CLOSED));
    });
  }

  private Engagement visible(String id, CurrentUser user) {
    return engagements.findById(id)
        .filter(engagement -> user.canSee(engagement.country()))
        .orElseThrow(() -> new NotFoundException(Messages.get("engagement.notFound", id)));
  }

  /** Administrators, ITU officers of the country, and the engagement's lead authority manage its team. */
  private Engagement manageable(String id, CurrentUser user) {
    Engagement engagement = visible(id, user);
    if (!user.isAdmin() && !user.hasRole(Roles.ITU_OFFICER) && !isMember(id, user, Roles.LEAD_AUTHORITY)) {
      throw new AccessDeniedException("Only administrators, ITU officers and the lead authority manage this");
    }
    return engagement;
  }

  /** Who may tell the lifecycle what happened outside it: those who manage it, and its executive. */
  private Engagement steerable(String id, CurrentUser user) {
    Engagement engagement = visible(id, user);
    if (!user.isAdmin() && !user.hasRole(Roles.ITU_OFFICER) && !isMember(id, user, Roles.LEAD_AUTHORITY)
        && !isMember(id, user, Roles.EXECUTIVE)) {
      throw new AccessDeniedException("Only administrators, ITU officers, the lead authority and the executive");
    }
    return engagement;
  }

  private boolean isMember(String id, CurrentUser user, String role) {
    return members.existsByEngagementIdAndUserIdAndRole(id, user.id(), role);
  }

  /**
   * Another country the user takes part for, where that and this membership cannot go together: the engine knows a
   * user's roles, not in which country each was given, so a ministry role in one country would count in every
   * other. Partners' roles are the same in all their countries.
   */
  private Optional<String> otherCountry(NewMember request, String country) {
    List<Member> all = members.findByUserId(request.userId());
    boolean ministry = Roles.isMinistryRole(request.role()) || all.stream().map(Member::role)
        .anyMatch(Roles::isMinistryRole);
    if (!ministry) {
      return Optional.empty();
    }
    return engagements.findAllById(all.stream().map(Member::engagementId).collect(Collectors.toSet())).stream()
        .map(Engagement::country).filter(other -> !other.equals(country)).sorted().findFirst();
  }

  /** The user's engine groups and tenants become what their memberships in all engagements imply. */
  private void sync(String userId) {
    List<Member> all = members.findByUserId(userId);
    Set<String> roles = all.stream().map(Member::role).collect(Collectors.toSet());
    Set<String> countriesOfUser = engagements.findAllById(all.stream().map(Member::engagementId).toList()).stream()
        .map(Engagement::country).collect(Collectors.toSet());
    memberships.sync(userId, roles, countriesOfUser);
  }

  private LifecyclePlan plan(NewEngagement request) {
    List<FieldError> errors = new ArrayList<>();
    if (!countries.exists(request.country())) {
      errors.add(new FieldError("country", Messages.get("validation.unknownCountry")));
    }
    Period reporting = period("reportingCadence", request.reportingCadence(), LifecyclePlan.CADENCES, errors);
    Period monitoring = period("monitoringCadence", request.monitoringCadence(), LifecyclePlan.CADENCES, errors);
    Period grace = period("gracePeriod", request.gracePeriod(), LifecyclePlan.GRACE_PERIODS, errors);
    Map<String, Period> durations = new TreeMap<>();
    if (request.taskDurations() != null) {
      Set<String> tasks = lifecycles.plannableTasks();
      request.taskDurations().forEach((task, value) -> {
        if (!tasks.contains(task)) {
          errors.add(new FieldError("taskDurations." + task, Messages.get("validation.unknownTask")));
        } else {
          durations.put(task, period("taskDurations." + task, value, LifecyclePlan.TASK_DURATIONS, errors));
        }
      });
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new LifecyclePlan(request.strategyEndDate(), reporting, monitoring, grace, durations);
  }

  /**
   * The partners as the lifecycle knows them: the organisations of the partner roles under their one name
   * (whoever wrote "world bank"), each once, in the order given.
   */
  private static List<String> partners(List<String> requested) {
    if (requested == null) {
      return List.of();
    }
    return requested.stream()
        .map(String::trim)
        .map(name -> Roles.PARTNER_ORGANISATIONS.values().stream().filter(name::equalsIgnoreCase).findFirst()
            .orElse(name))
        .distinct()
        .toList();
  }

  private static Period period(String field, String value, LifecyclePlan.Range range, List<FieldError> errors) {
    if (value == null) {
      return null;
    }
    try {
      Period period = Period.parse(value);
      if (range.contains(period)) {
        return period;
      }
    } catch (RuntimeException e) {
      // reported below
    }
    errors.add(new FieldError(field, Messages.get("validation.period", range.shortest(), range.longest(),
        range.example())));
    return null;
  }

  private String durationsJson(LifecyclePlan plan) {
    try {
      return json.writeValueAsString(plan.taskDurationTexts());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, String> durations(Engagement engagement) {
    try {
      return engagement.taskDurations() == null ? Map.of()
          : json.readValue(engagement.taskDurations(), new TypeReference<LinkedHashMap<String, String>>() { });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored task durations are not JSON", e);
    }
  }

  private EngagementSummary summary(Engagement engagement, Locale locale) {
    return EngagementSummary.of(engagement, countries.ref(engagement.country(), locale));
  }

  private EngagementDetail detail(Engagement engagement, Locale locale) {
    LifecycleStatus status = lifecycles.status(engagement.id());
    var edition = catalogue.current();
    List<EngagementViews.PhaseView> phases = status.phases().stream()
        .map(phase -> new EngagementViews.PhaseView(phase,
            edition.phase(phase).map(p -> p.title()).orElse(phase)))
        .toList();
    return new EngagementDetail(summary(engagement, locale), engagement.reportingCadence(),
        engagement.monitoringCadence(), engagement.gracePeriod(), durations(engagement), phases,
        status.openTasks(), status.overdueTasks(),
        members.findByEngagementIdOrderByAddedAt(engagement.id()).stream().map(MemberView::of).toList());
  }

}
