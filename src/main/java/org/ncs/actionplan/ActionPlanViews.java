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
}
