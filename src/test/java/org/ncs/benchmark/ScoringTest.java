package org.ncs.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ncs.benchmark.Scoring.AreaScore;
import org.ncs.benchmark.Scoring.ElementScore;
import org.ncs.benchmark.Scoring.Rated;
import org.ncs.benchmark.Scoring.Score;
import org.ncs.catalogue.Confidence;
import org.ncs.catalogue.Criteria;
import org.ncs.catalogue.Edition;
import org.ncs.catalogue.Element;
import org.ncs.catalogue.FocusArea;
import org.ncs.catalogue.ScaleLevel;
import org.ncs.catalogue.Scales;

/** The README's worked example of scoring, with weights, an element not applicable and one left unrated. */
class ScoringTest {

  private static final Scales SCALES = new Scales(
      List.of(new ScaleLevel(0, "Not addressed"), new ScaleLevel(1, "Mentioned"), new ScaleLevel(2, "Objectives"),
          new ScaleLevel(3, "Measures")),
      List.of(new ScaleLevel(0, "Not started"), new ScaleLevel(1, "Start-up"), new ScaleLevel(2, "Formative"),
          new ScaleLevel(3, "Established"), new ScaleLevel(4, "Strategic"), new ScaleLevel(5, "Dynamic")));

  private static final Edition EDITION = new Edition("test", "Test", null, null, 2021, null, null, null, "r1",
      SCALES, List.of(), List.of(), List.of(), List.of(
          area("FA1", 2, element("FA1.E1", 1), element("FA1.E2", 3), element("FA1.E3", 1)),
          area("FA2", 1, element("FA2.E1", 1), element("FA2.E2", 1)),
          area("FA3", 1, element("FA3.E1", 1))));

  private static final Map<String, Rated> RATINGS = Map.of(
      "FA1.E1", new Rated(3, 2, false),
      "FA1.E2", new Rated(1, 5, false),
      "FA1.E3", new Rated(null, null, true),
      // FA2.E1 is not rated: it scores 0
      "FA2.E2", new Rated(2, 1, false),
      "FA3.E1", new Rated(null, null, true));

  @Test
  void focusAreasAreWeightedMeansOfTheirApplicableElements() {
    Score score = Scoring.of(EDITION, RATINGS);

    AreaScore governance = score.areas().get(0);
    // coverage (1 × 100 + 3 × 33.3…) / 4, implementation (1 × 40 + 3 × 100) / 4; FA1.E3 counts for nothing
    assertThat(governance.coverage()).isEqualByComparingTo("50.0");
    assertThat(governance.implementation()).isEqualByComparingTo("85.0");
    AreaScore risk = score.areas().get(1);
    // the unrated element scores 0: (0 + 66.7) / 2 and (0 + 20) / 2
    assertThat(risk.coverage()).isEqualByComparingTo("33.3");
    assertThat(risk.implementation()).isEqualByComparingTo("10.0");
    assertThat(risk.elements().get(0).unrated()).isTrue();
    // no applicable element: no score at all, rather than 0
    assertThat(score.areas().get(2).coverage()).isNull();
    assertThat(score.areas().get(2).implementation()).isNull();
  }

  @Test
  void theOverallIndexIsTheWeightedMeanOfTheFocusAreasThatHaveAScore() {
    Score score = Scoring.of(EDITION, RATINGS);

    // (2 × 50 + 1 × 33.3…) / 3 and (2 × 85 + 1 × 10) / 3; FA3 is left out
    assertThat(score.coverage()).isEqualByComparingTo("44.4");
    assertThat(score.implementation()).isEqualByComparingTo("60.0");
  }

  @Test
  void gapsAreThePointsEachShortfallCostsTheIndexLargestFirst() {
    List<ElementScore> gaps = Scoring.of(EDITION, RATINGS).gaps();

    assertThat(gaps).extracting(ElementScore::id).containsExactly("FA1.E2", "FA2.E1", "FA2.E2", "FA1.E1");
    assertThat(gaps).extracting(ElementScore::gap).extracting(BigDecimal::toPlainString)
        .containsExactly("16.7", "16.7", "9.4", "5.0");
    // all of them together are what the index lacks: 100 − (44.44 + 60) / 2 = 47.8
    assertThat(gaps.stream().map(ElementScore::gap).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("47.8");
  }

  @Test
  void nothingRatedScoresZeroAndEverythingAtTheTopScoresAHundred() {
    assertThat(Scoring.of(EDITION, Map.of()).coverage()).isEqualByComparingTo("0.0");
    Map<String, Rated> top = Map.of("FA1.E1", new Rated(3, 5, false), "FA1.E2", new Rated(3, 5, false),
        "FA1.E3", new Rated(3, 5, false), "FA2.E1", new Rated(3, 5, false), "FA2.E2", new Rated(3, 5, false),
        "FA3.E1", new Rated(3, 5, false));
    Score score = Scoring.of(EDITION, top);
    assertThat(score.coverage()).isEqualByComparingTo("100.0");
    assertThat(score.implementation()).isEqualByComparingTo("100.0");
    assertThat(score.gaps()).isEmpty();
  }

  private static FocusArea area(String id, int weight, Element... elements) {
    return new FocusArea(id, id, "Area " + id, null, Confidence.VERIFIED, null, BigDecimal.valueOf(weight),
        List.of(elements));
  }

  private static Element element(String id, int weight) {
    return new Element(id, id, "Element " + id, null, Confidence.VERIFIED, List.of(), null,
        BigDecimal.valueOf(weight), new Criteria(null, null));
  }
}
