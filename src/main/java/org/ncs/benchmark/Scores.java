package org.ncs.benchmark;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ncs.benchmark.Assessment.State;
import org.ncs.benchmark.BenchmarkViews.ScoreView;
import org.ncs.benchmark.FrozenScores.Row;
import org.ncs.benchmark.Scoring.AreaScore;
import org.ncs.benchmark.Scoring.ElementScore;
import org.ncs.benchmark.Scoring.Rated;
import org.ncs.benchmark.Scoring.Score;
import org.ncs.catalogue.Edition;
import org.springframework.stereotype.Component;

/**
 * An assessment's scores: as they stand for one under way (no band: it does not count yet), and for a validated
 * one as they were frozen at validation, with the bands the decision table gave then, whatever has changed in the
 * guide's data since.
 */
@Component
class Scores {

  private static final Row NONE = new Row(null, null, null, null, null);

  private final MaturityBands bands;
  private final FrozenScores frozen;

  Scores(MaturityBands bands, FrozenScores frozen) {
    this.bands = bands;
    this.frozen = frozen;
  }

  /** An assessment's scores, and the view of them with the bands. */
  record Scored(Score score, ScoreView view) {
  }

  /** The scores of the assessment: frozen if it is validated (one statement), computed if it is under way. */
  Scored of(Assessment assessment, Edition edition, List<Rating> rated) {
    if (assessment.state() != State.VALIDATED) {
      Score score = score(edition, rated);
      return new Scored(score, new ScoreView(score.coverage(), score.implementation(), null, null, score.areas()));
    }
    Map<String, Row> rows = frozen.of(assessment.getId());
    Score score = thawed(edition, rated, rows);
    Row overall = rows.getOrDefault(FrozenScores.OVERALL, NONE);
    return new Scored(score, new ScoreView(score.coverage(), score.implementation(), overall.coverageBand(),
        overall.implementationBand(), score.areas()));
  }

  /** Freezes the assessment's scores and bands, as it is validated. */
  void freeze(Assessment assessment, Edition edition, List<Rating> rated) {
    Score score = score(edition, rated);
    frozen.save(assessment.getId(), score, bands.of(score.coverage()), bands.of(score.implementation()));
  }

  private static Score score(Edition edition, List<Rating> rated) {
    Map<String, Rated> byElement = new HashMap<>();
    rated.forEach(rating -> byElement.put(rating.elementId(), new Rated(rating.coverage(), rating.implementation(),
        rating.notApplicable())));
    return Scoring.of(edition, byElement);
  }

  /**
   * The frozen numbers laid out along the edition's focus areas and elements, with the levels as rated; an item
   * the edition has gained since has no score.
   */
  private static Score thawed(Edition edition, List<Rating> rated, Map<String, Row> rows) {
    Map<String, Rating> ratings = rated.stream().collect(Collectors.toMap(Rating::elementId, Function.identity()));
    Row overall = rows.getOrDefault(FrozenScores.OVERALL, NONE);
    List<AreaScore> areas = edition.focusAreas().stream().map(area -> {
      Row areaRow = rows.getOrDefault(area.id(), NONE);
      List<ElementScore> elements = area.elements().stream().map(element -> {
        Row row = rows.getOrDefault(element.id(), NONE);
        Rating rating = ratings.get(element.id());
        boolean notApplicable = rating != null && rating.notApplicable();
        return new ElementScore(element.id(), element.number(), element.title(), element.weight(),
            rating == null ? null : rating.coverage(), rating == null ? null : rating.implementation(), notApplicable,
            rating == null, row.coverage(), row.implementation(), row.gap() == null ? BigDecimal.ZERO
                : row.gap());
      }).toList();
      return new AreaScore(area.id(), area.number(), area.title(), area.weight(), areaRow.coverage(),
          areaRow.implementation(), elements);
    }).toList();
    return new Score(overall.coverage(), overall.implementation(), areas);
  }
}
