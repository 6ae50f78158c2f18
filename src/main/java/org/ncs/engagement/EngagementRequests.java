package org.ncs.engagement;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ncs.web.PlausibleDate;

/** What clients send to change engagements, with the rules each field must meet. */
public final class EngagementRequests {

  private EngagementRequests() {
  }

  /**
   * @param country ISO 3166-1 alpha-3 code, e.g. MAR
   * @param partners organisations supporting the engagement, e.g. ITU, World Bank
   * @param strategyEndDate planned last day of the strategy period (the adopted strategy may change it)
   * @param reportingCadence how often implementation progress is reported; P3M (quarterly) if omitted
   * @param monitoringCadence how often monitoring rounds are held; P6M if omitted
   * @param gracePeriod how long a task may be overdue before the ITU officer follows it up; P7D if omitted
   * @param taskDurations time allowed per task id, overriding the lifecycle's defaults, e.g. Task_DraftStrategy: P120D
   */
  public record NewEngagement(
      @NotNull @Pattern(regexp = "[A-Z]{3}", message = "{validation.countryCode}") String country,
      @NotBlank @Size(min = 3, max = 200) String title,
      @Size(max = 10) List<@NotBlank @Size(max = 100) String> partners,
      @NotNull @Future @PlausibleDate LocalDate strategyEndDate,
      @Size(max = 16) String reportingCadence,
      @Size(max = 16) String monitoringCadence,
      @Size(max = 16) String gracePeriod,
      @Size(max = 50) Map<@Size(max = 100) String, @NotNull @Size(max = 16) String> taskDurations) {
  }

  /** @param role one of the engagement roles, e.g. lead-authority */
  public record NewMember(
      @NotBlank @Size(max = 255) String userId,
      @NotBlank @Size(max = 32) String role) {
  }

  /** @param category public-sector, private-sector, critical-infrastructure, civil-society, academia or international-partners */
  public record NewStakeholder(
      @NotBlank @Size(min = 2, max = 200) String organisation,
      @NotBlank @Size(max = 32) String category,
      @Size(max = 200) String contactName,
      @Email @Size(max = 254) String contactEmail) {
  }

  /** A person who answers for a registered organisation. */
  public record NewPerson(@NotBlank @Size(max = 255) String userId) {
  }

  public record NewComment(@NotBlank @Size(max = 4000) String body) {
  }

  /**
   * @param reference the adopting act, e.g. a cabinet decision number
   * @param strategyEndDate the last day of the adopted strategy's period
   */
  public record Adoption(
      @NotBlank @Size(min = 3, max = 200) String reference,
      @NotNull @PastOrPresent @PlausibleDate LocalDate adoptionDate,
      @NotNull @Future @PlausibleDate LocalDate strategyEndDate) {
  }
}
