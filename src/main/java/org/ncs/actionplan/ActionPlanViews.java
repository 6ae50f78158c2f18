package org.ncs.actionplan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ncs.actionplan.Initiative.BudgetLine;
import org.ncs.actionplan.Initiative.Kpi;
import org.ncs.actionplan.Initiative.Milestone;
import org.ncs.actionplan.Initiative.Origin;
import org.ncs.actionplan.Initiative.Priority;
import org.ncs.actionplan.Initiative.Status;

/** What the API answers about action plans. Amounts are exact decimals, never binary floating-point numbers. */
public final class ActionPlanViews {

  private ActionPlanViews() {
  }

  /**
   * @param cycle the strategy cycle the plan is for
   * @param budgetTotals the plan's budget by currency (amounts in different currencies are never added up)
   */
  public record ActionPlanView(String engagementId, int cycle, List<InitiativeView> initiatives,
      List<BudgetTotal> budgetTotals) {
  }

  /**
   * @param number the initiative's number in its plan, I-1, I-2…
   * @param leadAgency empty in a draft made from a gap until the team names one
   * @param version changes with every change, for clients that show what they edit
   */
  public record InitiativeView(String id, String number, String title, String objective, GuideRef focusArea,
      List<GuideRef> elements, String leadAgency, List<String> contributingAgencies, Priority priority,
      Status status, LocalDate startDate, LocalDate endDate, Origin origin, List<Milestone> milestones,
      List<BudgetLine> budget, List<Kpi> kpis, List<BudgetTotal> budgetTotals, String createdBy,
      Instant createdAt, String updatedBy, Instant updatedAt, long version) {
  }

  /** A focus area or element of the guide's edition. */
  public record GuideRef(String id, String number, String title) {
  }

  /** Committed and estimated amounts in one currency. */
  public record BudgetTotal(String currency, BigDecimal committed, BigDecimal estimated) {
  }

  /** Who decides on a version of the plan. */
  public enum Reviewer {
    /** The World Bank's co-facilitator, when the World Bank is a partner of the engagement. */
    WORLD_BANK,
    /** The country's steering committee, otherwise. */
    STEERING_COMMITTEE
  }

  public enum Decision { APPROVED, CHANGES_REQUESTED }

  /**
   * A version of the plan, frozen when the plan was submitted for review.
   *
   * @param reviewer who decides on it; empty until its review begins
   * @param decision empty while it waits for one
   */
  public record VersionSummary(int number, String submittedBy, Instant submittedAt, Reviewer reviewer,
      Decision decision, String decidedBy, Instant decidedAt, long comments) {
  }

  /**
   * A version with its initiatives as submitted, what changed since the version before (none for the first), and
   * the reviewer's comments.
   */
  public record VersionView(VersionSummary version, List<InitiativeView> initiatives, PlanChanges changes,
      List<CommentView> comments) {
  }

  /** @param initiativeId empty for a comment on the plan as a whole */
  public record CommentView(String id, String initiativeId, String initiativeNumber, String body, String author,
      Instant createdAt) {
  }

  /** From one version to the next: initiatives added, removed and changed. */
  public record PlanChanges(List<InitiativeRef> added, List<InitiativeRef> removed, List<InitiativeChange> changed) {
  }

  public record InitiativeRef(String id, String number, String title) {
  }

  public record InitiativeChange(String id, String number, String title, List<FieldChange> fields) {
  }

  /**
   * One field that changed: of the initiative ({@code endDate}) or of one of its milestones, budget lines or
   * indicators ({@code budget.amount}); an item added has nothing before, one removed nothing after.
   *
   * @param item the milestone, budget line or indicator the change is in; empty for the initiative's own fields
   * @param before empty when the field or item was added
   * @param after empty when it was removed
   */
  public record FieldChange(String field, String item, String before, String after) {
  }
}
