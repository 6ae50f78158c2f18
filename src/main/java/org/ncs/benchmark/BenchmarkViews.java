package org.ncs.benchmark;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ncs.lifecycle.LifecycleMeasures;

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

  /** The assessment a lifecycle step waits for, and how many of the edition's elements it rates so far. */
  public record StepAssessment(AssessmentSummary assessment, int rated, long total) {
  }

  /** An assessment with its ratings (by element id) and its scores as they stand. */
  public record AssessmentDetail(AssessmentSummary assessment, Map<String, RatingView> ratings, ScoreView score) {
  }

  public record ScoreView(BigDecimal coverage, BigDecimal implementation, String coverageBand,
      String implementationBand, List<Scoring.AreaScore> areas) {
  }

  /**
   * A gap proposed as an initiative for the action plan: the element's title as what to do, the next level's
   * criterion as its objective (implementation's, or coverage's when implementation is at the top).
   */
  public record CandidateInitiative(String elementId, String focusAreaId, String title, String objective,
      BigDecimal gap, Integer coverage, Integer implementation) {
  }

  /** A gap and what its next levels ask for. */
  public record Gap(String elementId, String number, String title, String focusAreaId, BigDecimal gap,
      Integer coverage, Integer implementation, String nextCoverage, String nextImplementation) {
  }

  /**
   * The latest validated assessment's scores, its ranked gaps and the evidence its ratings cite; beside them, the
   * lifecycle as the engine measured it (in the scorecard itself, not in its files or the index pack).
   */
  public record Scorecard(AssessmentSummary assessment, ScoreView score, Map<String, RatingView> ratings,
      List<Gap> gaps, List<EvidenceView> evidence, int coverageTop, int implementationTop,
      LifecycleMeasures.Measures lifecycle) {
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

  /** A question of an index an element answers, as the crosswalk shows it. */
  public record TargetLink(String instrument, String id, String title, String kind, String confidence,
      String strength, String why) {
  }

  /** An element in the crosswalk: its latest validated rating (null if none) and the index questions it answers. */
  public record CrosswalkRow(String elementId, String number, String title, RatingView rating,
      List<TargetLink> targets) {
  }

  /**
   * The crosswalk of an engagement: our mapping (its label says whose), applied to the latest validated
   * assessment (null if none), with the evidence its ratings cite.
   */
  public record CrosswalkView(String edition, String label, AssessmentSummary assessment, List<CrosswalkRow> elements,
      List<EvidenceView> evidence) {
  }

  /** An element's validated rating and evidence, under an index question it answers. */
  public record PackElement(String elementId, String number, String title, String strength, Integer coverage,
      Integer implementation, boolean notApplicable, List<EvidenceView> evidence) {
  }

  /** One question of an index (a GCI pillar, an NCSI indicator...) with the ratings and evidence that answer it. */
  public record PackSection(String instrument, String instrumentTitle, String id, String title, String kind,
      String confidence, List<PackElement> elements) {
  }

  /** The index pack: per question of each index, the country's validated ratings and evidence that answer it. */
  public record IndexPack(String label, AssessmentSummary assessment, List<PackSection> sections) {
  }
}
