package org.ncs.benchmark;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** What the benchmarking API takes. */
public final class BenchmarkRequests {

  static final String ID = "[A-Za-z0-9-]{1,64}";
  /** An element of an edition, such as FA2.E3. */
  static final String ELEMENT = "FA\\d{1,2}\\.E\\d{1,2}";

  private BenchmarkRequests() {
  }

  /** An item for the evidence register: a link, or a version of one of the engagement's documents. */
  public record NewEvidence(
      @NotNull EvidenceKind kind,
      @NotBlank @Size(max = 300) String title,
      @Size(max = 2000) String url,
      @Pattern(regexp = ID, message = "{validation.id}") String documentVersionId,
      @Size(max = 500) String reference,
      LocalDate date,
      @Size(max = 200) String owner,
      Boolean confidential) {
  }

  /** A new assessment of the engagement's country, as of a date. */
  public record NewAssessment(@NotNull AssessmentKind kind, @NotNull LocalDate asOf) {
  }

  /**
   * An element's ratings: both levels, or {@code notApplicable} with the reason as the rationale. Any level above 0
   * needs evidence from the register.
   */
  public record RatingRequest(
      @PositiveOrZero Integer coverage,
      @PositiveOrZero Integer implementation,
      Boolean notApplicable,
      @Size(max = 4000) String rationale,
      @Size(max = 50) List<@NotBlank @Pattern(regexp = ID, message = "{validation.id}") String> evidence) {
  }

  /** Why an ITU officer sends an assessment back. */
  public record Return(@NotNull @Size(min = 10, max = 4000) String reasons) {
  }
}
