package org.ncs.benchmark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ncs.benchmark.Assessment.State;
import org.ncs.benchmark.BenchmarkViews.AreaPoint;
import org.ncs.benchmark.BenchmarkViews.AssessmentSummary;
import org.ncs.benchmark.BenchmarkViews.TrendPoint;
import org.ncs.benchmark.FrozenScores.Row;
import org.ncs.catalogue.Catalogue;
import org.ncs.catalogue.FocusArea;
import org.ncs.engagement.Engagements;
import org.ncs.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An engagement's trend: every validated assessment that nothing supersedes, oldest first, with its frozen scores
 * and the change since the one before. A change of guide edition or of the revision of its data is a break:
 * marked, and no change is computed across it, rather than rescoring the past.
 */
@Service
public class Trends {

  private static final Row NONE = new Row(null, null, null, null, null);

  private final AssessmentRepository assessments;
  private final FrozenScores frozen;
  private final Engagements engagements;
  private final Catalogue catalogue;

  Trends(AssessmentRepository assessments, FrozenScores frozen, Engagements engagements, Catalogue catalogue) {
    this.assessments = assessments;
    this.frozen = frozen;
    this.engagements = engagements;
    this.catalogue = catalogue;
  }

  @Transactional(readOnly = true)
  public List<TrendPoint> of(String engagementId, CurrentUser user) {
    engagements.countryOf(engagementId, user);
    List<Assessment> validated = assessments
        .findByEngagementIdAndStateAndSupersededByIsNullOrderByAsOfAscCreatedAtAsc(engagementId, State.VALIDATED);
    Map<String, Map<String, Row>> rows = frozen.summaries(validated.stream().map(Assessment::getId).toList());
    List<TrendPoint> points = new ArrayList<>();
    Assessment previous = null;
    for (Assessment assessment : validated) {
      Map<String, Row> mine = rows.getOrDefault(assessment.getId(), Map.of());
      boolean comparable = previous != null && previous.edition().equals(assessment.edition())
          && previous.revision().equals(assessment.revision());
      Map<String, Row> before = comparable ? rows.getOrDefault(previous.getId(), Map.of()) : Map.of();
      Row overall = mine.getOrDefault(FrozenScores.OVERALL, NONE);
      Row overallBefore = before.getOrDefault(FrozenScores.OVERALL, NONE);
      List<AreaPoint> areas = new ArrayList<>();
      for (FocusArea area : catalogue.edition(assessment.edition()).map(edition -> edition.focusAreas())
          .orElse(List.of())) {
        Row now = mine.getOrDefault(area.id(), NONE);
        Row then = before.getOrDefault(area.id(), NONE);
        areas.add(new AreaPoint(area.id(), now.coverage(), now.implementation(),
            change(now.coverage(), then.coverage()), change(now.implementation(), then.implementation())));
      }
      points.add(new TrendPoint(AssessmentSummary.of(assessment), previous != null && !comparable,
          overall.coverage(), overall.implementation(), overall.coverageBand(), overall.implementationBand(),
          change(overall.coverage(), overallBefore.coverage()),
          change(overall.implementation(), overallBefore.implementation()), List.copyOf(areas)));
      previous = assessment;
    }
    return points;
  }

  private static BigDecimal change(BigDecimal now, BigDecimal then) {
    return now == null || then == null ? null : now.subtract(then);
  }
}
