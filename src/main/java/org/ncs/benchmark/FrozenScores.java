package org.ncs.benchmark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ncs.benchmark.Scoring.AreaScore;
import org.ncs.benchmark.Scoring.ElementScore;
import org.ncs.benchmark.Scoring.Score;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The scores of validated assessments as they were at validation ({@code assessment_score}): one row overall with
 * the bands, one per focus area, one per element with its gap. Written once, in the validating transaction; read
 * in one statement.
 */
@Repository
class FrozenScores {

  static final String OVERALL = "overall";

  /** A stored row. */
  record Row(BigDecimal coverage, BigDecimal implementation, BigDecimal gap, String coverageBand,
      String implementationBand) {
  }

  private final JdbcTemplate jdbc;

  FrozenScores(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void save(String assessmentId, Score score, String coverageBand, String implementationBand) {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {assessmentId, OVERALL, score.coverage(), score.implementation(), null, coverageBand,
        implementationBand});
    for (AreaScore area : score.areas()) {
      rows.add(new Object[] {assessmentId, area.id(), area.coverage(), area.implementation(), null, null, null});
      for (ElementScore element : area.elements()) {
        rows.add(new Object[] {assessmentId, element.id(), element.coverageScore(), element.implementationScore(),
            element.notApplicable() ? null : element.gap(), null, null});
      }
    }
    jdbc.batchUpdate("insert into assessment_score (assessment_id, item, coverage, implementation, gap, "
        + "coverage_band, implementation_band) values (?, ?, ?, ?, ?, ?, ?)", rows);
  }

  /** Several assessments' overall and focus-area rows (not the elements'), by assessment and item. */
  Map<String, Map<String, Row>> summaries(Collection<String> assessmentIds) {
    Map<String, Map<String, Row>> rows = new HashMap<>();
    if (assessmentIds.isEmpty()) {
      return rows;
    }
    jdbc.query("select assessment_id, item, coverage, implementation, gap, coverage_band, implementation_band"
        + " from assessment_score where assessment_id in (" + String.join(",", Collections.nCopies(
            assessmentIds.size(), "?")) + ") and item not like '%.%'", result -> {
              rows.computeIfAbsent(result.getString("assessment_id"), id -> new HashMap<>())
                  .put(result.getString("item"), new Row(result.getBigDecimal("coverage"),
                      result.getBigDecimal("implementation"), result.getBigDecimal("gap"),
                      result.getString("coverage_band"), result.getString("implementation_band")));
            }, assessmentIds.toArray());
    return rows;
  }

  /** An assessment's rows by item ({@code overall}, {@code FA1}, {@code FA1.E1}); empty if it has none. */
  Map<String, Row> of(String assessmentId) {
    Map<String, Row> rows = new HashMap<>();
    jdbc.query("select item, coverage, implementation, gap, coverage_band, implementation_band"
        + " from assessment_score where assessment_id = ?", result -> {
          rows.put(result.getString("item"), new Row(result.getBigDecimal("coverage"),
              result.getBigDecimal("implementation"), result.getBigDecimal("gap"), result.getString("coverage_band"),
              result.getString("implementation_band")));
        }, assessmentId);
    return rows;
  }
}
