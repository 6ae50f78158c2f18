package org.ncs.benchmark;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Locale;
import org.ncs.benchmark.BenchmarkRequests.NewAssessment;
import org.ncs.benchmark.BenchmarkRequests.NewEvidence;
import org.ncs.benchmark.BenchmarkRequests.RatingRequest;
import org.ncs.benchmark.BenchmarkRequests.Return;
import org.ncs.benchmark.BenchmarkViews.AssessmentDetail;
import org.ncs.benchmark.BenchmarkViews.AssessmentSummary;
import org.ncs.benchmark.BenchmarkViews.CandidateInitiative;
import org.ncs.benchmark.BenchmarkViews.CrosswalkView;
import org.ncs.benchmark.BenchmarkViews.EvidenceView;
import org.ncs.benchmark.BenchmarkViews.HistoryEntry;
import org.ncs.benchmark.BenchmarkViews.IndexPack;
import org.ncs.benchmark.BenchmarkViews.RatingView;
import org.ncs.benchmark.BenchmarkViews.Scorecard;
import org.ncs.benchmark.BenchmarkViews.TrendPoint;
import org.ncs.engagement.Engagements;
import org.ncs.security.CurrentUser;
import org.ncs.security.CurrentUsers;
import org.ncs.web.Tables;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/engagements/{id}")
@Tag(name = "Benchmarking", description = "A country rated against every element of the guide (coverage of its "
    + "strategy and implementation), with evidence; assessments validated by an ITU officer; scorecard and gaps")
class BenchmarkController {

  private static final String ID = BenchmarkRequests.ID;
  private static final String ID_MESSAGE = "{validation.id}";
  private static final String ELEMENT = BenchmarkRequests.ELEMENT;

  private final Assessments assessments;
  private final EvidenceRegister register;
  private final Scorecards scorecards;
  private final Trends trends;
  private final IndexPacks packs;
  private final BenchmarkExports exports;
  private final Engagements engagements;
  private final CurrentUsers users;

  BenchmarkController(Assessments assessments, EvidenceRegister register, Scorecards scorecards, Trends trends,
      IndexPacks packs, BenchmarkExports exports, Engagements engagements, CurrentUsers users) {
    this.trends = trends;
    this.packs = packs;
    this.exports = exports;
    this.engagements = engagements;
    this.assessments = assessments;
    this.register = register;
    this.scorecards = scorecards;
    this.users = users;
  }

  @GetMapping("/evidence")
  @Operation(summary = "The evidence register, newest first (confidential items for the team and partners only)")
  List<EvidenceView> evidence(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
    return register.list(id, users.current());
  }

  @PostMapping(path = "/evidence", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record a source in the register: a web address (url) or a version of one of the "
      + "engagement's documents (documentVersionId)")
  EvidenceView addEvidence(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @Valid @RequestBody NewEvidence request) {
    return register.add(id, request, users.current());
  }

  @GetMapping("/assessments")
  @Operation(summary = "The engagement's assessments, latest first, in every state")
  List<AssessmentSummary> assessments(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
    return assessments.list(id, users.current());
  }

  @PostMapping(path = "/assessments", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Start an assessment (the country's team), of the guide's current edition")
  AssessmentSummary create(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @Valid @RequestBody NewAssessment request) {
    return assessments.create(id, request, users.current());
  }

  @GetMapping("/assessments/{assessmentId}")
  @Operation(summary = "An assessment with its ratings and its scores as they stand")
  AssessmentDetail assessment(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String assessmentId) {
    return assessments.get(id, assessmentId, users.current());
  }

  @DeleteMapping("/assessments/{assessmentId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Throw away a draft or returned assessment (the country's team): it never counted")
  void discard(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String assessmentId) {
    assessments.discard(id, assessmentId, users.current());
  }

  @PutMapping(path = "/assessments/{assessmentId}/ratings/{elementId}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Rate an element: coverage (0-3) and implementation (0-5), or notApplicable with the reason "
      + "as rationale; a level above 0 cites evidence from the register")
  RatingView rate(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String assessmentId,
      @PathVariable @Pattern(regexp = ELEMENT, message = "{validation.elementId}") String elementId,
      @Valid @RequestBody RatingRequest request) {
    return assessments.rate(id, assessmentId, elementId, request, users.current());
  }

  @GetMapping("/assessments/{assessmentId}/ratings/{elementId}/history")
  @Operation(summary = "How an element's rating came to be, across the assessment and those it corrects")
  List<HistoryEntry> history(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String assessmentId,
      @PathVariable @Pattern(regexp = ELEMENT, message = "{validation.elementId}") String elementId) {
    return assessments.history(id, assessmentId, elementId, users.current());
  }

  @PostMapping("/assessments/{assessmentId}/submit")
  @Operation(summary = "Submit a complete assessment for validation (the country's team)")
  AssessmentSummary submit(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String assessmentId) {
    return assessments.submit(id, assessmentId, users.current());
  }

  @PostMapping("/assessments/{assessmentId}/validate")
  @Operation(summary = "Validate a submitted assessment (an ITU officer of the country, not on its team)")
  AssessmentSummary validate(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String assessmentId) {
    return assessments.validate(id, assessmentId, users.current());
  }

  @PostMapping(path = "/assessments/{assessmentId}/return", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Send a submitted assessment back to the team with reasons (an ITU officer of the country)")
  AssessmentSummary returnIt(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String assessmentId,
      @Valid @RequestBody Return request) {
    return assessments.returnWith(id, assessmentId, request.reasons(), users.current());
  }

  @PostMapping("/assessments/{assessmentId}/corrections")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Open a correction of the latest validated assessment: a draft that supersedes it once "
      + "validated")
  AssessmentSummary correct(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String assessmentId) {
    return assessments.correct(id, assessmentId, users.current());
  }

  @GetMapping("/trend")
  @Operation(summary = "Every validated assessment over time, oldest first, with its scores overall and by focus "
      + "area and the change since the previous one; breakBefore marks a change of guide edition or revision")
  List<TrendPoint> trend(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
    return trends.of(id, users.current());
  }

  @GetMapping("/scorecard")
  @Operation(summary = "The latest validated assessment scored by focus area and element, its gaps ranked with "
      + "what the next level asks, and the evidence it cites")
  Scorecard scorecard(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
    return scorecards.of(id, users.current());
  }

  @GetMapping("/candidate-initiatives")
  @Operation(summary = "The weakest elements of the latest validated assessment, costliest first, proposed as "
      + "initiatives for the action plan: what to do and, as objective, what its next level asks")
  List<CandidateInitiative> candidates(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @RequestParam(defaultValue = "5") @Min(1) @Max(100) int limit) {
    return scorecards.candidates(id, limit, users.current());
  }

  @GetMapping("/scorecard.{format}")
  @Operation(summary = "The scorecard as CSV (its elements), XLSX (focus areas and elements) or a PDF report (a "
      + "page per focus area), in your language")
  ResponseEntity<byte[]> scorecardFile(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Pattern(regexp = "csv|xlsx|pdf", message = "{validation.exportFormat}") String format,
      Locale locale) {
    CurrentUser user = users.current();
    Scorecard scorecard = scorecards.latest(id, user);
    return switch (format) {
      case "pdf" -> Tables.download(exports.report(scorecard, trends.of(id, user), engagements.summaries(
          List.of(id), user, locale).get(id), locale), MediaType.APPLICATION_PDF, "scorecard.pdf", locale);
      case "xlsx" -> Tables.download(Tables.xlsx(List.of(exports.areas(scorecard, locale),
          exports.elements(scorecard, locale)), locale), Tables.XLSX, "scorecard.xlsx", locale);
      default -> Tables.download(Tables.csv(exports.elements(scorecard, locale)), Tables.CSV, "scorecard.csv",
          locale);
    };
  }

  @GetMapping("/trend.{format}")
  @Operation(summary = "The trend as CSV or XLSX: every validated assessment, overall and by focus area")
  ResponseEntity<byte[]> trendFile(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Pattern(regexp = "csv|xlsx", message = "{validation.exportFormat}") String format,
      Locale locale) {
    return Tables.download(exports.trend(trends.of(id, users.current()), locale), format, "trend", locale);
  }

  @GetMapping("/crosswalk")
  @Operation(summary = "Our mapping of each element to the questions of the ITU GCI, the Oxford CMM, the eGA NCSI "
      + "and ENISA's NCAF, with the latest validated rating of each element (a suggested mapping, not the "
      + "instruments' own; titles marked RECALLED are unverified)")
  CrosswalkView crosswalk(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
    return packs.crosswalk(id, users.current());
  }

  @GetMapping("/index-pack")
  @Operation(summary = "The index pack: per GCI pillar, CMM factor, NCSI indicator and NCAF objective, the "
      + "country's validated ratings and the evidence that answer it")
  IndexPack indexPack(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
    return packs.pack(id, users.current());
  }

  @GetMapping("/index-pack.{format}")
  @Operation(summary = "The index pack as CSV or XLSX, in your language")
  ResponseEntity<byte[]> indexPackFile(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @PathVariable @Pattern(regexp = "csv|xlsx", message = "{validation.exportFormat}") String format,
      Locale locale) {
    return Tables.download(exports.indexPack(packs.pack(id, users.current()), locale), format, "index-pack", locale);
  }
}
