package org.ncs.actionplan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.ncs.actionplan.ActionPlanViews.CommentView;
import org.ncs.actionplan.ActionPlanViews.Decision;
import org.ncs.actionplan.ActionPlanViews.FieldChange;
import org.ncs.actionplan.ActionPlanViews.InitiativeChange;
import org.ncs.actionplan.ActionPlanViews.InitiativeRef;
import org.ncs.actionplan.ActionPlanViews.InitiativeView;
import org.ncs.actionplan.ActionPlanViews.PlanChanges;
import org.ncs.actionplan.ActionPlanViews.VersionSummary;
import org.ncs.actionplan.ActionPlanViews.VersionView;
import org.ncs.engagement.EngagementViews.EngagementSummary;
import org.ncs.security.CurrentUser;
import org.ncs.web.Messages;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The action plan's review as pages show it, in the reader's language: beside the reviewer's task, the version
 * waiting for them with what changed and a comment box per initiative; beside the team's task, the plan they are
 * about to submit with the comments that sent it back; and any version on its own page.
 */
@Component
public class PlanReviewPanels {

  static final String COMPILE = "Task_DevelopActionPlan";
  static final Set<String> DECIDE = Set.of("Task_ReviewActionPlan", "Task_ApproveActionPlan");

  /** The diff's field names and the words for them. */
  private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("title", "export.column.title"),
      Map.entry("objective", "export.column.objective"), Map.entry("focusArea", "export.column.area"),
      Map.entry("elements", "export.column.elements"), Map.entry("leadAgency", "export.column.leadAgency"),
      Map.entry("contributingAgencies", "export.column.contributingAgencies"),
      Map.entry("priority", "export.column.priority"), Map.entry("status", "export.column.status"),
      Map.entry("startDate", "export.column.startDate"), Map.entry("endDate", "export.column.endDate"),
      Map.entry("milestones", "export.column.milestone"), Map.entry("dueDate", "export.column.dueDate"),
      Map.entry("budget", "actionplan.budgetLine"), Map.entry("description", "export.column.description"),
      Map.entry("amount", "export.column.amount"), Map.entry("currency", "export.column.currency"),
      Map.entry("funding", "export.column.funding"), Map.entry("committed", "export.column.commitment"),
      Map.entry("kpis", "export.column.indicator"), Map.entry("indicator", "export.column.indicator"),
      Map.entry("unit", "export.column.unit"), Map.entry("baseline", "export.column.baseline"),
      Map.entry("target", "export.column.target"), Map.entry("targetDate", "export.column.targetDate"),
      Map.entry("kind", "export.column.indicatorKind"));
  /** Fields whose values are words of ours: their message prefixes. */
  private static final Map<String, String> VALUES = Map.of("priority", "actionplan.priority.",
      "status", "actionplan.status.", "budget.funding", "actionplan.funding.", "kpis.kind", "actionplan.kind.");

  /**
   * @param version the version shown: under review, or (beside the team's task) the one sent back; none before
   *     the plan's first submission
   * @param initiatives the version's initiatives, or the plan about to be submitted, each with the comments on it
   * @param general the comments on the plan as a whole (and on initiatives since removed)
   * @param changes what changed since the version before, none for the first or beside the team's task
   * @param reviewing whether the reader reviews the version and may comment on it
   * @param compiling whether it is shown beside the team's task, before they submit the plan
   */
  public record ReviewPanel(VersionSummary version, List<Entry> initiatives, List<CommentView> general,
      Changes changes, boolean reviewing, boolean compiling) {
  }

  public record Entry(InitiativeView initiative, List<CommentView> comments) {
  }

  public record Changes(List<InitiativeRef> added, List<InitiativeRef> removed, List<ChangedField> changed) {
  }

  /** One changed field, labelled: the initiative it belongs to is named on its first row only. */
  public record ChangedField(String initiative, String field, String item, String before, String after) {
  }

  private final PlanReviews reviews;
  private final ActionPlans plans;

  PlanReviewPanels(PlanReviews reviews, ActionPlans plans) {
    this.reviews = reviews;
    this.plans = plans;
  }

  /** What the task shows of the review, if it is one of the plan's compiling or deciding. */
  @Transactional(readOnly = true)
  public Optional<ReviewPanel> forTask(String activityId, String engagementId, CurrentUser user) {
    if (DECIDE.contains(activityId)) {
      return reviews.latest(engagementId, user).map(version -> panel(version, user));
    }
    if (!COMPILE.equals(activityId)) {
      return Optional.empty();
    }
    EngagementSummary engagement = plans.engagement(engagementId, user);
    List<InitiativeView> current = plans.initiatives(engagementId, engagement.cycle());
    Optional<VersionView> returned = reviews.latest(engagementId, user)
        .filter(version -> version.version().decision() == Decision.CHANGES_REQUESTED);
    List<CommentView> said = returned.map(VersionView::comments).orElse(List.of());
    Set<String> kept = current.stream().map(InitiativeView::id).collect(Collectors.toSet());
    return Optional.of(new ReviewPanel(returned.map(VersionView::version).orElse(null),
        current.stream().map(initiative -> new Entry(initiative, on(said, initiative))).toList(),
        said.stream().filter(comment -> comment.initiativeId() == null || !kept.contains(comment.initiativeId()))
            .toList(), null, false, true));
  }

  /** A version on its own page. */
  @Transactional(readOnly = true)
  public ReviewPanel forVersion(String engagementId, int number, CurrentUser user) {
    return panel(reviews.version(engagementId, number, user), user);
  }

  private ReviewPanel panel(VersionView version, CurrentUser user) {
    List<CommentView> said = version.comments();
    return new ReviewPanel(version.version(),
        version.initiatives().stream().map(initiative -> new Entry(initiative, on(said, initiative))).toList(),
        said.stream().filter(comment -> comment.initiativeId() == null).toList(),
        version.changes() == null ? null : changes(version.changes()), reviews.reviews(version, user), false);
  }

  private static List<CommentView> on(List<CommentView> comments, InitiativeView initiative) {
    Predicate<CommentView> about = comment -> initiative.id().equals(comment.initiativeId());
    return comments.stream().filter(about).toList();
  }

  private static Changes changes(PlanChanges changes) {
    List<ChangedField> rows = new ArrayList<>();
    for (InitiativeChange initiative : changes.changed()) {
      for (int i = 0; i < initiative.fields().size(); i++) {
        FieldChange field = initiative.fields().get(i);
        rows.add(new ChangedField(i == 0 ? Messages.get("actionplan.initiativeHeading", initiative.number()) + " · "
            + initiative.title() : null,
            label(field.field()), field.item(), value(field.field(), field.before()),
            value(field.field(), field.after())));
      }
    }
    return new Changes(changes.added(), changes.removed(), rows);
  }

  /** {@code budget.amount} reads "Budget line › Amount". */
  private static String label(String field) {
    return Arrays.stream(field.split("\\."))
        .map(part -> Messages.get(LABELS.getOrDefault(part, "export.column." + part)))
        .collect(Collectors.joining(" › "));
  }

  private static String value(String field, String value) {
    String prefix = VALUES.get(field);
    if (value == null) {
      return null;
    }
    if ("budget.committed".equals(field)) {
      return Messages.get(Boolean.parseBoolean(value) ? "actionplan.committed" : "actionplan.estimated");
    }
    return prefix == null ? value : Messages.get(prefix + value);
  }
}
