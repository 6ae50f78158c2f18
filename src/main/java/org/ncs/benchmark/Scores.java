package org.ncs.benchmark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ncs.benchmark.BenchmarkViews.ScoreView;
import org.ncs.benchmark.Scoring.Rated;
import org.ncs.benchmark.Scoring.Score;
import org.ncs.catalogue.Edition;
import org.springframework.stereotype.Component;

/** An assessment's ratings scored, with the maturity band of each overall index. */
@Component
class Scores {

  private final MaturityBands bands;

  Scores(MaturityBands bands) {
    this.bands = bands;
  }

  ScoreView of(Edition edition, List<Rating> rated) {
    return view(score(edition, rated));
  }

  ScoreView view(Score score) {
    return new ScoreView(score.coverage(), score.implementation(), bands.of(score.coverage()),
        bands.of(score.implementation()), score.areas());
  }

  static Score score(Edition edition, List<Rating> rated) {
    Map<String, Rated> byElement = new HashMap<>();
    rated.forEach(rating -> byElement.put(rating.elementId(), new Rated(rating.coverage(), rating.implementation(),
        rating.notApplicable())));
    return Scoring.of(edition, byElement);
  }
}
