package org.ncs.actionplan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.ncs.actionplan.ActionPlanRequests.BudgetLineRequest;
import org.ncs.actionplan.ActionPlanRequests.InitiativeRequest;
import org.ncs.actionplan.ActionPlanRequests.KpiRequest;
import org.ncs.actionplan.ActionPlanRequests.MilestoneRequest;
import org.ncs.actionplan.ActionPlanViews.ActionPlanView;
import org.ncs.actionplan.ActionPlanViews.BudgetTotal;
import org.ncs.actionplan.ActionPlanViews.GuideRef;
import org.ncs.actionplan.ActionPlanViews.InitiativeView;
import org.ncs.actionplan.Initiative.BudgetLine;
import org.ncs.actionplan.Initiative.Content;
import org.ncs.actionplan.Initiative.Kpi;
import org.ncs.actionplan.Initiative.KpiKind;
import org.ncs.actionplan.Initiative.Milestone;
import org.ncs.actionplan.Initiative.Origin;
import org.ncs.actionplan.Initiative.Priority;
import org.ncs.actionplan.Initiative.Status;
import org.ncs.audit.AuditTrail;
import org.ncs.benchmark.BenchmarkViews.CandidateInitiative;
import org.ncs.benchmark.Scorecards;
import org.ncs.catalogue.Catalogue;
import org.ncs.catalogue.Edition;
import org.ncs.catalogue.Element;
import org.ncs.catalogue.FocusArea;
import org.ncs.catalogue.Scale;
import org.ncs.engagement.EngagementViews.EngagementSummary;
import org.ncs.engagement.Engagements;
import org.ncs.security.CurrentUser;
import org.ncs.web.ConflictException;
import org.ncs.web.FieldError;
import org.ncs.web.InvalidRequestException;
import org.ncs.web.Messages;
import org.ncs.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An engagement's action plan for its current strategy cycle: read by everyone who may see the engagement, shaped
 * by the country's team. Every change is in the audit trail. Initiatives refer to the guide's current edition.
 */
@Service
public class ActionPlans {

  private final ActionPlanRepository plans;
  private final InitiativeRepository initiatives;
  private final ProgressReportRepository reports;
  private final Engagements engagements;
  private final Catalogue catalogue;
  private final Scorecards scorecards;
  private final AuditTrail audit;
  private final Clock clock;

  ActionPlans(ActionPlanRepository plans, InitiativeRepository initiatives, ProgressReportRepository reports,
      Engagements engagements, Catalogue catalogue, Scorecards scorecards, AuditTrail audit, Clock clock) {
    this.plans = plans;
    this.initiatives = initiatives;
    this.reports = reports;
    this.engagements = engagements;
    this.catalogue = catalogue;
    this.scorecards = scorecards;
    this.audit = audit;
    this.clock = clock;
  }

  /** The plan of the engagement's current cycle; without initiatives while none has been added. */
  @Transactional(readOnly = true)
  public ActionPlanView get(String engagementId, CurrentUser user) {
    EngagementSummary engagement = engagement(engagementId, user);
    List<Initiative> listed = listed(engagementId, engagement.cycle());
    Edition edition = catalogue.current();
    List<InitiativeView> views = listed.stream().map(initiative -> view(initiative, edition)).toList();
    return new ActionPlanView(engagementId, engagement.cycle(), views,
        totals(listed.stream().flatMap(initiative -> initiative.content().budget().stream()).toList()));
  }

  /** One initiative of the current cycle's plan. */
  @Transactional(readOnly = true)
  public InitiativeView initiative(String engagementId, String initiativeId, CurrentUser user) {
    return view(find(engagement(engagementId, user), initiativeId), catalogue.current());
  }

  /** The initiatives of a cycle's plan as the API shows them, for whoever has checked who may see them. */
  List<InitiativeView> initiatives(String engagementId, int cycle) {
    Edition edition = catalogue.current();
    return listed(engagementId, cycle).stream().map(initiative -> view(initiative, edition)).toList();
  }

  private List<Initiative> listed(String engagementId, int cycle) {
    return plans.findByEngagementIdAndCycle(engagementId, cycle)
        .map(plan -> initiatives.findByPlanIdOrderByNumber(plan.getId())).orElse(List.of());
  }

  @Transactional
  public InitiativeView add(String engagementId, InitiativeRequest request, CurrentUser user) {
    EngagementSummary engagement = team(engagementId, user);
    Content content = content(request, null);
    return view(create(engagement, content, Origin.NEW, user), catalogue.current());
  }

  @Transactional
  public InitiativeView change(String engagementId, String initiativeId, InitiativeRequest request,
      CurrentUser user) {
    EngagementSummary engagement = team(engagementId, user);
    Initiative initiative = find(engagement, initiativeId);
    if (request.version() != null && request.version() != initiative.version()) {
      throw new ConflictException(Messages.get("actionplan.changedMeanwhile", number(initiative)));
    }
    Content before = initiative.content();
    Content after = content(request, before);
    initiative.change(after, user.id(), clock.instant());
    initiatives.saveAndFlush(initiative);
    audit.record(user.id(), engagement.country().code(), engagementId, "INITIATIVE_CHANGED", initiative.getId(),
        Map.of("number", number(initiative), "fields", changedFields(before, after)));
    return view(initiative, catalogue.current());
  }

  @Transactional
  public void remove(String engagementId, String initiativeId, CurrentUser user) {
    EngagementSummary engagement = team(engagementId, user);
    Initiative initiative = find(engagement, initiativeId);
    if (reports.reportedOn(initiativeId)) {
      throw new ConflictException(Messages.get("actionplan.reportedOn"));
    }
    String title = initiative.content().title();
    initiatives.delete(initiative);
    audit.record(user.id(), engagement.country().code(), engagementId, "INITIATIVE_REMOVED", initiative.getId(),
        Map.of("number", number(initiative), "title", title));
  }

  /**
   * A draft initiative for one of the gaps of the latest validated assessment: the element, its focus area, what
   * its next level asks as the objective, and an outcome indicator from the element's implementation level now to
   * the next one by the end of the strategy period. The team names the lead agency and completes the rest.
   */
  @Transactional
  public InitiativeView fromGap(String engagementId, String elementId, CurrentUser user) {
    EngagementSummary engagement = team(engagementId, user);
    Edition edition = catalogue.current();
    CandidateInitiative gap = scorecards.candidates(engagementId, Integer.MAX_VALUE, user).stream()
        .filter(candidate -> candidate.elementId().equals(elementId)).findFirst()
        .orElseThrow(() -> new InvalidRequestException("elementId", Messages.get("actionplan.notAGap")));
    LocalDate today = LocalDate.now(clock);
    LocalDate end = engagement.strategyEndDate() != null && engagement.strategyEndDate().isAfter(today)
        ? engagement.strategyEndDate() : today.plusYears(1);
    int now = gap.implementation() == null ? 0 : gap.implementation();
    int top = edition.scales().top(Scale.IMPLEMENTATION);
    List<Kpi> kpis = now >= top ? List.of() : List.of(new Kpi(UUID.randomUUID().toString(),
        Messages.get("actionplan.gapIndicator", gap.title()), Messages.get("actionplan.levelUnit", top),
        BigDecimal.valueOf(now), BigDecimal.valueOf(now + 1), end, KpiKind.OUTCOME));
    Content content = new Content(gap.title(), gap.objective(), gap.focusAreaId(), List.of(elementId), null,
        List.of(), Priority.HIGH, Status.PLANNED, today, end, List.of(), List.of(), kpis);
    return view(create(engagement, content, Origin.GAP, user), edition);
  }

  /**
   * The previous cycle's initiatives copied into this cycle's plan, which must still be empty: planned again, with
   * their agencies, milestones, budget lines and indicators as they were (new keys: progress starts afresh).
   */
  @Transactional
  public ActionPlanView copyPreviousCycle(String engagementId, CurrentUser user) {
    EngagementSummary engagement = team(engagementId, user);
    Optional<ActionPlan> current = plans.findByEngagementIdAndCycle(engagementId, engagement.cycle());
    if (current.isPresent() && !initiatives.findByPlanIdOrderByNumber(current.get().getId()).isEmpty()) {
      throw new ConflictException(Messages.get("actionplan.notEmpty"));
    }
    ActionPlan previous = plans.findByEngagementIdAndCycleLessThanOrderByCycleDesc(engagementId,
        engagement.cycle()).stream().findFirst()
        .orElseThrow(() -> new NotFoundException(Messages.get("actionplan.noPreviousPlan")));
    for (Initiative initiative : initiatives.findByPlanIdOrderByNumber(previous.getId())) {
      Content was = initiative.content();
      create(engagement, new Content(was.title(), was.objective(), was.focusArea(), was.elements(),
          was.leadAgency(), was.contributingAgencies(), was.priority(), Status.PLANNED, was.startDate(),
          was.endDate(), was.milestones().stream().map(m -> new Milestone(UUID.randomUUID().toString(), m.title(),
              m.dueDate())).toList(),
          was.budget().stream().map(b -> new BudgetLine(UUID.randomUUID().toString(), b.description(), b.amount(),
              b.currency(), b.funding(), b.committed())).toList(),
          was.kpis().stream().map(k -> new Kpi(UUID.randomUUID().toString(), k.indicator(), k.unit(), k.baseline(),
              k.target(), k.targetDate(), k.kind())).toList()), Origin.PREVIOUS_CYCLE, user);
    }
    return get(engagementId, user);
  }

  private Initiative create(EngagementSummary engagement, Content content, Origin origin, CurrentUser user) {
    Instant now = clock.instant();
    ActionPlan plan = plans.findByEngagementIdAndCycle(engagement.id(), engagement.cycle())
        .orElseGet(() -> plans.saveAndFlush(new ActionPlan(engagement.id(), engagement.country().code(),
            engagement.cycle(), user.id(), now)));
    Initiative initiative = initiatives.saveAndFlush(new Initiative(plan.getId(), plan.nextNumber(), content,
        origin, user.id(), now));
    plans.saveAndFlush(plan);
    audit.record(user.id(), engagement.country().code(), engagement.id(), "INITIATIVE_ADDED", initiative.getId(),
        Map.of("number", number(initiative), "title", content.title(), "origin", origin.name()));
    return initiative;
  }

  /** The engagement, if the caller may see it (404 otherwise). */
  EngagementSummary engagement(String engagementId, CurrentUser user) {
    return engagements.summary(engagementId, user, Locale.ENGLISH);
  }

  /** The engagement, for a change only its own team may make. */
  EngagementSummary team(String engagementId, CurrentUser user) {
    EngagementSummary engagement = engagement(engagementId, user);
    if (!user.isCountryTeam()) {
      throw new AccessDeniedException("Only the country's team shapes its action plan");
    }
    return engagement;
  }

  private Initiative find(EngagementSummary engagement, String initiativeId) {
    return plans.findByEngagementIdAndCycle(engagement.id(), engagement.cycle())
        .flatMap(plan -> initiatives.findByIdAndPlanId(initiativeId, plan.getId()))
        .orElseThrow(() -> new NotFoundException(Messages.get("actionplan.initiativeNotFound", initiativeId)));
  }

  /**
   * The request checked against the guide's edition and itself, every problem at once, and made content. Items
   * named by a key must be ones the initiative has ({@code before}); new ones get a key.
   */
  private Content content(InitiativeRequest request, Content before) {
    Edition edition = catalogue.current();
    List<FieldError> errors = new ArrayList<>();
    Optional<FocusArea> area = edition.focusArea(request.focusArea());
    if (area.isEmpty()) {
      errors.add(new FieldError("focusArea", Messages.get("actionplan.noFocusArea", edition.key())));
    }
    for (int i = 0; i < request.elements().size(); i++) {
      String element = request.elements().get(i);
      Optional<FocusArea> of = edition.focusAreaOf(element);
      if (of.isEmpty()) {
        errors.add(new FieldError("elements[" + i + "]", Messages.get("actionplan.noElement", edition.key())));
      } else if (area.isPresent() && !of.get().id().equals(area.get().id())) {
        errors.add(new FieldError("elements[" + i + "]", Messages.get("actionplan.otherFocusArea",
            area.get().id())));
      }
    }
    if (request.elements().stream().distinct().count() < request.elements().size()) {
      errors.add(new FieldError("elements", Messages.get("actionplan.repeated")));
    }
    if (request.endDate().isBefore(request.startDate())) {
      errors.add(new FieldError("endDate", Messages.get("validation.notBeforeField", "startDate")));
    }
    List<MilestoneRequest> milestones = orEmpty(request.milestones());
    List<BudgetLineRequest> budget = orEmpty(request.budget());
    List<KpiRequest> kpis = orEmpty(request.kpis());
    for (int i = 0; i < milestones.size(); i++) {
      LocalDate due = milestones.get(i).dueDate();
      if (due.isBefore(request.startDate()) || due.isAfter(request.endDate())) {
        errors.add(new FieldError("milestones[" + i + "].dueDate", Messages.get("validation.dateRange",
            request.startDate(), request.endDate())));
      }
    }
    for (int i = 0; i < budget.size(); i++) {
      checkMoney("budget[" + i + "]", budget.get(i).currency(), budget.get(i).amount(), errors);
    }
    for (int i = 0; i < kpis.size(); i++) {
      KpiRequest kpi = kpis.get(i);
      if (kpi.target().compareTo(kpi.baseline()) == 0) {
        errors.add(new FieldError("kpis[" + i + "].target", Messages.get("actionplan.targetIsBaseline")));
      }
      if (kpi.targetDate().isBefore(request.startDate())) {
        errors.add(new FieldError("kpis[" + i + "].targetDate", Messages.get("validation.notBeforeField",
            "startDate")));
      }
    }
    checkKeys("milestones", milestones.stream().map(MilestoneRequest::key).toList(),
        before == null ? Set.of() : keys(before.milestones(), Milestone::key), errors);
    checkKeys("budget", budget.stream().map(BudgetLineRequest::key).toList(),
        before == null ? Set.of() : keys(before.budget(), BudgetLine::key), errors);
    checkKeys("kpis", kpis.stream().map(KpiRequest::key).toList(),
        before == null ? Set.of() : keys(before.kpis(), Kpi::key), errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new Content(request.title().trim(), blankToNull(request.objective()), request.focusArea(),
        request.elements(), request.leadAgency().trim(),
        orEmpty(request.contributingAgencies()).stream().map(String::trim).toList(), request.priority(),
        request.status() == null ? (before == null ? Status.PLANNED : before.status()) : request.status(),
        request.startDate(), request.endDate(),
        milestones.stream().map(m -> new Milestone(keyOrNew(m.key()), m.title().trim(), m.dueDate())).toList(),
        budget.stream().map(b -> new BudgetLine(keyOrNew(b.key()), blankToNull(b.description()), b.amount(),
            b.currency(), b.funding(), b.committed())).toList(),
        kpis.stream().map(k -> new Kpi(keyOrNew(k.key()), k.indicator().trim(), k.unit().trim(), k.baseline(),
            k.target(), k.targetDate(), k.kind())).toList());
  }

  /**
   * An amount in a currency: the code must be money in ISO 4217 ({@code at.currency}), the amount have no more
   * decimals than the currency's minor unit ({@code at.amount}).
   */
  static void checkMoney(String at, String code, BigDecimal amount, List<FieldError> errors) {
    Optional<Currency> currency = currency(code);
    if (currency.isEmpty()) {
      errors.add(new FieldError(at + ".currency", Messages.get("actionplan.unknownCurrency")));
    } else if (amount.stripTrailingZeros().scale() > currency.get().getDefaultFractionDigits()) {
      errors.add(new FieldError(at + ".amount", Messages.get("validation.decimalDigits",
          currency.get().getDefaultFractionDigits())));
    }
  }

  /** Each key named must be one the list had, and named once. */
  private static void checkKeys(String list, List<String> named, Set<String> known, List<FieldError> errors) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < named.size(); i++) {
      String key = named.get(i);
      if (key != null && (!known.contains(key) || !seen.add(key))) {
        errors.add(new FieldError(list + "[" + i + "].key", Messages.get("actionplan.unknownKey")));
      }
    }
  }

  private static <T> Set<String> keys(List<T> items, Function<T, String> key) {
    return Set.copyOf(items.stream().map(key).toList());
  }

  /** The ISO 4217 currency of a code, if it is money (not gold, a test code or "no currency", which have no
   * minor unit). */
  static Optional<Currency> currency(String code) {
    try {
      return Optional.of(Currency.getInstance(code)).filter(currency -> currency.getDefaultFractionDigits() >= 0);
    } catch (IllegalArgumentException | NullPointerException unknown) {
      return Optional.empty();
    }
  }

  private static InitiativeView view(Initiative initiative, Edition edition) {
    Content content = initiative.content();
    return new InitiativeView(initiative.getId(), number(initiative), content.title(), content.objective(),
        edition.focusArea(content.focusArea())
            .map(area -> new GuideRef(area.id(), area.number(), area.title()))
            .orElse(new GuideRef(content.focusArea(), null, null)),
        content.elements().stream().map(id -> edition.element(id).map(ActionPlans::ref)
            .orElse(new GuideRef(id, null, null))).toList(),
        content.leadAgency(), content.contributingAgencies(), content.priority(), content.status(),
        content.startDate(), content.endDate(), initiative.origin(), content.milestones(),
        content.budget().stream().map(line -> new BudgetLine(line.key(), line.description(),
            inMinorUnits(line.amount(), line.currency()), line.currency(), line.funding(), line.committed()))
            .toList(),
        content.kpis().stream().map(kpi -> new Kpi(kpi.key(), kpi.indicator(), kpi.unit(),
            ProgressFigures.plain(kpi.baseline()), ProgressFigures.plain(kpi.target()), kpi.targetDate(),
            kpi.kind())).toList(),
        totals(content.budget()), initiative.createdBy(), initiative.createdAt(), initiative.updatedBy(),
        initiative.updatedAt(), initiative.version());
  }

  private static GuideRef ref(Element element) {
    return new GuideRef(element.id(), element.number(), element.title());
  }

  /** Committed and estimated amounts by currency, in the currencies' order. */
  private static List<BudgetTotal> totals(List<BudgetLine> lines) {
    Map<String, BigDecimal[]> sums = new TreeMap<>();
    for (BudgetLine line : lines) {
      BigDecimal[] sum = sums.computeIfAbsent(line.currency(), code -> new BigDecimal[] {BigDecimal.ZERO,
          BigDecimal.ZERO});
      sum[line.committed() ? 0 : 1] = sum[line.committed() ? 0 : 1].add(line.amount());
    }
    return sums.entrySet().stream().map(sum -> new BudgetTotal(sum.getKey(),
        inMinorUnits(sum.getValue()[0], sum.getKey()), inMinorUnits(sum.getValue()[1], sum.getKey()))).toList();
  }

  /** An amount written to its currency's minor unit: 1500000.00 USD, 1500000 JPY, 12.500 BHD. */
  private static BigDecimal inMinorUnits(BigDecimal amount, String currency) {
    int digits = currency(currency).map(Currency::getDefaultFractionDigits).filter(d -> d >= 0).orElse(2);
    return amount.setScale(Math.max(digits, amount.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY);
  }

  /** The fields a change touched, for the audit trail. */
  private static List<String> changedFields(Content before, Content after) {
    Map<String, Function<Content, Object>> fields = new LinkedHashMap<>();
    fields.put("title", Content::title);
    fields.put("objective", Content::objective);
    fields.put("focusArea", Content::focusArea);
    fields.put("elements", Content::elements);
    fields.put("leadAgency", Content::leadAgency);
    fields.put("contributingAgencies", Content::contributingAgencies);
    fields.put("priority", Content::priority);
    fields.put("status", Content::status);
    fields.put("startDate", Content::startDate);
    fields.put("endDate", Content::endDate);
    fields.put("milestones", Content::milestones);
    fields.put("budget", content -> content.budget().stream().map(line -> List.of(line.key(),
        String.valueOf(line.description()), line.amount().stripTrailingZeros(), line.currency(), line.funding(),
        line.committed())).toList());
    fields.put("kpis", content -> content.kpis().stream().map(kpi -> List.of(kpi.key(), kpi.indicator(),
        kpi.unit(), kpi.baseline().stripTrailingZeros(), kpi.target().stripTrailingZeros(), kpi.targetDate(),
        kpi.kind())).toList());
    return fields.entrySet().stream()
        .filter(field -> !Objects.equals(field.getValue().apply(before), field.getValue().apply(after)))
        .map(Map.Entry::getKey).toList();
  }

  static String number(Initiative initiative) {
    return "I-" + initiative.number();
  }

  private static String keyOrNew(String key) {
    return key == null ? UUID.randomUUID().toString() : key;
  }

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
