package org.ncs.benchmark;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.ncs.catalogue.Edition;
import org.ncs.catalogue.Element;
import org.ncs.catalogue.FocusArea;
import org.ncs.catalogue.Scale;

/**
 * Scores an assessment, separately for coverage and implementation (README, "Scoring"):
 *
 * <ul>
 *   <li>an element scores its level divided by the scale's top level, times 100; an element left unrated scores 0
 *       (leaving one out never helps); an element not applicable counts for nothing, neither way;</li>
 *   <li>a focus area scores the weighted mean of its applicable elements (element weights); none applicable, no
 *       score;</li>
 *   <li>the overall index is the weighted mean of the focus areas that have a score (focus-area weights).</li>
 * </ul>
 *
 * Scores are shown to one decimal, rounded half up; they are computed unrounded. A gap is what an applicable
 * element's shortfall costs the overall index, in points: its share of the index (its focus area's share times
 * its share of the area) times (100 − its score), the mean of both scales; the largest first.
 */
final class Scoring {

  private static final MathContext MATH = MathContext.DECIMAL64;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** An element's levels as rated; null levels are unrated. */
  record Rated(Integer coverage, Integer implementation, boolean notApplicable) {
  }

  record ElementScore(String id, String number, String title, BigDecimal weight, Integer coverage,
      Integer implementation, boolean notApplicable, boolean unrated, BigDecimal coverageScore,
      BigDecimal implementationScore, BigDecimal gap) {
  }

  record AreaScore(String id, String number, String title, BigDecimal weight, BigDecimal coverage,
      BigDecimal implementation, List<ElementScore> elements) {
  }

  record Score(BigDecimal coverage, BigDecimal implementation, List<AreaScore> areas) {

    /** The applicable elements, the costliest shortfall first (ties in the guide's order). */
    List<ElementScore> gaps() {
      return areas.stream().flatMap(area -> area.elements().stream())
          .filter(element -> !element.notApplicable() && element.gap().signum() > 0)
          .sorted(Comparator.comparing(ElementScore::gap).reversed())
          .toList();
    }
  }

  private Scoring() {
  }

  static Score of(Edition edition, Map<String, Rated> ratings) {
    int coverageTop = edition.scales().top(Scale.COVERAGE);
    int implementationTop = edition.scales().top(Scale.IMPLEMENTATION);
    // which areas count at all, for each area's share of the index
    List<FocusArea> counted = edition.focusAreas().stream()
        .filter(area -> area.elements().stream().anyMatch(element -> !notApplicable(ratings, element)))
        .toList();
    BigDecimal areaWeights = sum(counted.stream().map(FocusArea::weight).toList());
    List<AreaScore> areas = new ArrayList<>();
    Sum coverage = new Sum();
    Sum implementation = new Sum();
    for (FocusArea area : edition.focusAreas()) {
      List<Element> applicable = area.elements().stream().filter(element -> !notApplicable(ratings, element))
          .toList();
      BigDecimal elementWeights = sum(applicable.stream().map(Element::weight).toList());
      Sum areaCoverage = new Sum();
      Sum areaImplementation = new Sum();
      List<ElementScore> elements = new ArrayList<>();
      for (Element element : area.elements()) {
        Rated rated = ratings.get(element.id());
        if (rated != null && rated.notApplicable()) {
          elements.add(new ElementScore(element.id(), element.number(), element.title(), element.weight(), null,
              null, true, false, null, null, BigDecimal.ZERO));
          continue;
        }
        Integer c = rated == null ? null : rated.coverage();
        Integer i = rated == null ? null : rated.implementation();
        BigDecimal coverageScore = percent(c, coverageTop);
        BigDecimal implementationScore = percent(i, implementationTop);
        areaCoverage.add(element.weight(), coverageScore);
        areaImplementation.add(element.weight(), implementationScore);
        BigDecimal share = area.weight().divide(areaWeights, MATH).multiply(element.weight().divide(elementWeights,
            MATH), MATH);
        BigDecimal lost = HUNDRED.subtract(coverageScore).add(HUNDRED.subtract(implementationScore))
            .multiply(share, MATH).divide(BigDecimal.valueOf(2), MATH);
        elements.add(new ElementScore(element.id(), element.number(), element.title(), element.weight(), c, i,
            false, c == null || i == null, shown(coverageScore), shown(implementationScore), shown(lost)));
      }
      BigDecimal areaCoverageScore = areaCoverage.mean();
      BigDecimal areaImplementationScore = areaImplementation.mean();
      if (areaCoverageScore != null) {
        coverage.add(area.weight(), areaCoverageScore);
        implementation.add(area.weight(), areaImplementationScore);
      }
      areas.add(new AreaScore(area.id(), area.number(), area.title(), area.weight(), shown(areaCoverageScore),
          shown(areaImplementationScore), List.copyOf(elements)));
    }
    return new Score(shown(coverage.mean()), shown(implementation.mean()), List.copyOf(areas));
  }

  private static boolean notApplicable(Map<String, Rated> ratings, Element element) {
    Rated rated = ratings.get(element.id());
    return rated != null && rated.notApplicable();
  }

  private static BigDecimal percent(Integer level, int top) {
    return level == null || top == 0 ? BigDecimal.ZERO
        : BigDecimal.valueOf(level).multiply(HUNDRED).divide(BigDecimal.valueOf(top), MATH);
  }

  private static BigDecimal sum(List<BigDecimal> values) {
    return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static BigDecimal shown(BigDecimal score) {
    return score == null ? null : score.setScale(1, RoundingMode.HALF_UP);
  }

  /** A weighted mean being summed up. */
  private static final class Sum {
    private BigDecimal weighted = BigDecimal.ZERO;
    private BigDecimal weights = BigDecimal.ZERO;

    void add(BigDecimal weight, BigDecimal value) {
      weighted = weighted.add(weight.multiply(value, MATH));
      weights = weights.add(weight);
    }

    BigDecimal mean() {
      return weights.signum() == 0 ? null : weighted.divide(weights, MATH);
    }
  }
}
