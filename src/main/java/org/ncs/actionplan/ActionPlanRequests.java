package org.ncs.actionplan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.ncs.actionplan.Initiative.Funding;
import org.ncs.actionplan.Initiative.KpiKind;
import org.ncs.actionplan.Initiative.Priority;
import org.ncs.actionplan.Initiative.Status;

/** What clients send to shape an action plan. Whether it fits the guide's edition is checked by the service. */
public final class ActionPlanRequests {

  static final String ID = "[A-Za-z0-9-]{1,64}";

  private ActionPlanRequests() {
  }

  /**
   * An initiative as the team writes it. Milestones, budget lines and indicators that already exist are named by
   * their {@code key}; those without one are new. A change that gives the {@code version} it was made from is
   * refused (409) if someone changed the initiative meanwhile.
   */
  public record InitiativeRequest(
      @NotBlank @Size(max = 300) String title,
      @Size(max = 2000) String objective,
      @NotBlank @Pattern(regexp = "FA\\d{1,2}", message = "{validation.focusArea}") String focusArea,
      @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 16) String> elements,
      @NotBlank @Size(max = 200) String leadAgency,
      @Size(max = 20) List<@NotBlank @Size(max = 200) String> contributingAgencies,
      @NotNull Priority priority,
      Status status,
      @NotNull LocalDate startDate,
      @NotNull LocalDate endDate,
      @Size(max = 50) List<@Valid @NotNull MilestoneRequest> milestones,
      @Size(max = 50) List<@Valid @NotNull BudgetLineRequest> budget,
      @Size(max = 50) List<@Valid @NotNull KpiRequest> kpis,
      Long version) {
  }

  public record MilestoneRequest(
      @Pattern(regexp = ID, message = "{validation.id}") String key,
      @NotBlank @Size(max = 300) String title,
      @NotNull LocalDate dueDate) {
  }

  /** An amount of money in an ISO 4217 currency, exact to the currency's minor unit. */
  public record BudgetLineRequest(
      @Pattern(regexp = ID, message = "{validation.id}") String key,
      @Size(max = 300) String description,
      @NotNull @PositiveOrZero @Digits(integer = 16, fraction = 3) BigDecimal amount,
      @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "{validation.currency}") String currency,
      @NotNull Funding funding,
      @NotNull Boolean committed) {
  }

  /** An indicator, from its baseline to its target (a target below the baseline means "bring it down"). */
  public record KpiRequest(
      @Pattern(regexp = ID, message = "{validation.id}") String key,
      @NotBlank @Size(max = 300) String indicator,
      @NotBlank @Size(max = 50) String unit,
      @NotNull @Digits(integer = 15, fraction = 4) BigDecimal baseline,
      @NotNull @Digits(integer = 15, fraction = 4) BigDecimal target,
      @NotNull LocalDate targetDate,
      @NotNull KpiKind kind) {
  }

  /**
   * A progress report as of the end of a reporting period: an entry for every initiative of the plan. The draft the
   * API offers is the last report carried forward.
   */
  public record ProgressReportRequest(
      @NotNull LocalDate periodEnd,
      @NotNull @Size(max = 500) List<@Valid @NotNull ProgressEntry> entries) {
  }

  /** Where an initiative stands: its status, indicators' actuals, milestones reached, spend to date by currency. */
  public record ProgressEntry(
      @NotBlank @Pattern(regexp = ID, message = "{validation.id}") String initiativeId,
      @NotNull Status status,
      @Size(max = 2000) String narrative,
      @Size(max = 50) List<@Valid @NotNull ActualValue> kpis,
      @Size(max = 50) List<@Valid @NotNull MilestoneReached> milestones,
      @Size(max = 20) List<@Valid @NotNull SpendToDate> spend) {
  }

  public record ActualValue(
      @NotBlank @Pattern(regexp = ID, message = "{validation.id}") String key,
      @NotNull @Digits(integer = 15, fraction = 4) BigDecimal actual) {
  }

  public record MilestoneReached(
      @NotBlank @Pattern(regexp = ID, message = "{validation.id}") String key,
      @NotNull LocalDate reachedOn) {
  }

  public record SpendToDate(
      @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "{validation.currency}") String currency,
      @NotNull @PositiveOrZero @Digits(integer = 16, fraction = 3) BigDecimal amount) {
  }

  /** A benchmark gap to turn into a draft initiative. */
  public record FromGap(@NotBlank @Pattern(regexp = "FA\\d{1,2}\\.E\\d{1,2}", message = "{validation.elementId}")
      String elementId) {
  }

  /**
   * A reviewer's comment on the version under review.
   *
   * @param initiativeId the initiative it is about; none for the plan as a whole
   */
  public record PlanCommentRequest(
      @Pattern(regexp = ID, message = "{validation.id}") String initiativeId,
      @NotBlank @Size(max = 4000) String body) {
  }
}
