package org.ncs.benchmark;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the benchmarking API answers. */
public final class BenchmarkViews {

  private BenchmarkViews() {
  }

  public record EvidenceView(String id, String kind, String title, String url, String fileId, String link,
      String reference, LocalDate date, String owner, boolean confidential, String createdBy, Instant createdAt) {

    static EvidenceView of(Evidence evidence) {
      String link = evidence.fileId() != null
          ? "/api/engagements/" + evidence.engagementId() + "/files/" + evidence.fileId()
          : evidence.url();
      return new EvidenceView(evidence.getId(), evidence.kind().name(), evidence.title(), evidence.url(),
          evidence.fileId(), link, evidence.reference(), evidence.issuedOn(), evidence.owner(), evidence.confidential(),
          evidence.createdBy(), evidence.createdAt());
    }
  }

  /** An element's ratings; the evidence is the ids of the register's items the reader may see. */
  public record RatingView(String elementId, Integer coverage, Integer implementation, boolean notApplicable,
      String rationale, List<String> evidence, String setBy, Instant setAt) {
  }

  public record AssessmentSummary(String id, String engagementId, String country, String edition,
      String revision, String kind, LocalDate asOf, String state, String supersedes, String supersededBy,
      String returnReasons, String createdBy, Instant createdAt, String submittedBy, Instant submittedAt,
      String decidedBy, Instant decidedAt) {

    static AssessmentSummary of(Assessment assessment) {
      return new AssessmentSummary(assessment.getId(), assessment.engagementId(), assessment.tenantId(),
          assessment.edition(), assessment.revision(), assessment.kind().name(), assessment.asOf(),
          assessment.state().name(), assessment.supersedes(), assessment.supersededBy(), assessment.returnReasons(),
          assessment.createdBy(), assessment.createdAt(), assessment.submittedBy(), assessment.submittedAt(),
          assessment.decidedBy(), assessment.decidedAt());
    }
  }

  /** An assessment with its ratings (by element id) and its scores as they stand. */
  public record AssessmentDetail(AssessmentSummary assessment, Map<String, RatingView> ratings, ScoreView score) {
  }

  public record ScoreView(BigDecimal coverage, BigDecimal implementation, String coverageBand,
      String implementationBand, List<Scoring.AreaScore> areas) {
  }

  /** A gap and what its next levels ask for. */
  public record Gap(String elementId, String number, String title, String focusAreaId, BigDecimal gap,
      Integer coverage, Integer implementation, String nextCoverage, String nextImplementation) {
  }

  /** The latest validated assessment's scores, its ranked gaps and the evidence its ratings cite. */
  public record Scorecard(AssessmentSummary assessment, ScoreView score, Map<String, RatingView> ratings,
      List<Gap> gaps, List<EvidenceView> evidence, int coverageTop, int implementationTop) {
  }

  /**
   * A validated assessment in the engagement's trend: its overall and focus-area scores and the change since the
   * previous point. {@code breakBefore}: made against another edition or revision of the guide's data than the
   * previous one, so not comparable with it (no change is given across a break).
   */
  public record TrendPoint(AssessmentSummary assessment, boolean breakBefore, BigDecimal coverage,
      BigDecimal implementation, String coverageBand, String implementationBand, BigDecimal coverageChange,
      BigDecimal implementationChange, List<AreaPoint> areas) {
  }

  /** A focus area's scores at a point of the trend, and their change since the previous point. */
  public record AreaPoint(String id, BigDecimal coverage, BigDecimal implementation, BigDecimal coverageChange,
      BigDecimal implementationChange) {
  }

  /** One step in a rating's history: the rating as set, or what happened to its assessment. */
  public record HistoryEntry(String assessmentId, String action, Integer coverage, Integer implementation,
      Boolean notApplicable, String rationale, List<String> evidence, String reasons, String actor, Instant at) {
  }
}
