package org.ncs.benchmark;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ncs.benchmark.Assessment.State;
import org.ncs.benchmark.BenchmarkViews.AssessmentSummary;
import org.ncs.benchmark.BenchmarkViews.CandidateInitiative;
import org.ncs.benchmark.BenchmarkViews.EvidenceView;
import org.ncs.benchmark.BenchmarkViews.Gap;
import org.ncs.benchmark.BenchmarkViews.RatingView;
import org.ncs.benchmark.BenchmarkViews.Scorecard;
import org.ncs.benchmark.Scoring.ElementScore;
import org.ncs.benchmark.Scoring.Score;
import org.ncs.catalogue.Criteria;
import org.ncs.catalogue.Edition;
import org.ncs.catalogue.Element;
import org.ncs.catalogue.Scale;
import org.ncs.engagement.Engagements;
import org.ncs.lifecycle.LifecycleMeasures;
import org.ncs.security.CurrentUser;
import org.ncs.web.Messages;
import org.ncs.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An engagement's scorecard: its latest validated assessment (one that nothing supersedes), scored by focus area
 * and element, its gaps ranked with what the next level of each asks, and the evidence its ratings cite. Drafts
 * and assessments under review never count.
 */
@Service
public class Scorecards {

  private final AssessmentRepository assessments;
  private final RatingRepository ratings;
  private final EvidenceRepository evidence;
  private final Assessments lifecycle;
  private final Scores scores;
  private final Engagements engagements;
  private final LifecycleMeasures measures;

  Scorecards(AssessmentRepository assessments, RatingRepository ratings, EvidenceRepository evidence,
      Assessments lifecycle, Scores scores, Engagements engagements, LifecycleMeasures measures) {
    this.measures = measures;
    this.assessments = assessments;
    this.ratings = ratings;
    this.evidence = evidence;
    this.lifecycle = lifecycle;
    this.scores = scores;
    this.engagements = engagements;
  }

  /** The scorecard with, beside its scores, the lifecycle as the engine measured it. */
  @Transactional(readOnly = true)
  public Scorecard of(String engagementId, CurrentUser user) {
    Scorecard scorecard = latest(engagementId, user);
    return new Scorecard(scorecard.assessment(), scorecard.score(), scorecard.ratings(), scorecard.gaps(),
        scorecard.evidence(), scorecard.coverageTop(), scorecard.implementationTop(), measures.of(engagementId));
  }

  /** The latest validated assessment scored (without the lifecycle, which its files and index pack do not show). */
  @Transactional(readOnly = true)
  Scorecard latest(String engagementId, CurrentUser user) {
    return latestIfValidated(engagementId, user)
        .orElseThrow(() -> new NotFoundException(Messages.get("benchmark.noValidated")));
  }

  /** The same, or none while the engagement has no validated assessment. */
  @Transactional(readOnly = true)
  Optional<Scorecard> latestIfValidated(String engagementId, CurrentUser user) {
    engagements.countryOf(engagementId, user);
    List<Assessment> validated = assessments
        .findByEngagementIdAndStateAndSupersededByIsNullOrderByAsOfAscCreatedAtAsc(engagementId, State.VALIDATED);
    if (validated.isEmpty()) {
      return Optional.empty();
    }
    Assessment latest = validated.get(validated.size() - 1);
    Edition edition = lifecycle.edition(latest);
    List<Rating> rated = ratings.ofAssessment(latest.getId());
    Scores.Scored scored = scores.of(latest, edition, rated);
    Score score = scored.score();
    Map<String, RatingView> views = lifecycle.views(rated, engagementId, user);
    Set<String> cited = views.values().stream().flatMap(view -> view.evidence().stream())
        .collect(Collectors.toSet());
    List<EvidenceView> items = cited.isEmpty() ? List.of()
        : evidence.findByEngagementIdAndIdIn(engagementId, cited).stream().map(EvidenceView::of).toList();
    List<Gap> gaps = score.gaps().stream().map(gap -> gap(edition, gap)).toList();
    return Optional.of(new Scorecard(AssessmentSummary.of(latest), scored.view(), views, gaps, items,
        edition.scales().top(Scale.COVERAGE), edition.scales().top(Scale.IMPLEMENTATION), null));
  }

  /** The weakest elements of the latest validated assessment, costliest first, as candidate initiatives. */
  @Transactional(readOnly = true)
  public List<CandidateInitiative> candidates(String engagementId, int limit, CurrentUser user) {
    return latest(engagementId, user).gaps().stream().limit(limit).map(gap -> new CandidateInitiative(gap.elementId(),
        gap.focusAreaId(), gap.title(), gap.nextImplementation() != null ? gap.nextImplementation()
            : gap.nextCoverage(), gap.gap(), gap.coverage(), gap.implementation())).toList();
  }

  private static Gap gap(Edition edition, ElementScore score) {
    Element element = edition.element(score.id()).orElseThrow();
    Criteria criteria = element.criteria();
    return new Gap(score.id(), score.number(), score.title(),
        edition.focusAreaOf(score.id()).map(area -> area.id()).orElse(null), score.gap(), score.coverage(),
        score.implementation(), next(criteria, Scale.COVERAGE, score.coverage()),
        next(criteria, Scale.IMPLEMENTATION, score.implementation()));
  }

  /** What the next level asks, or null at the top. */
  private static String next(Criteria criteria, Scale scale, Integer level) {
    return criteria.of(scale).get(level == null ? 1 : level + 1);
  }
}
