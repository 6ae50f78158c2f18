package org.ncs.engagement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The benchmark scores of engagements, for the portfolio: provided by the module that measures them
 * (benchmarking), which itself builds on engagements.
 */
public interface EngagementScores {

  /** A focus area's scores. */
  record AreaScores(String id, BigDecimal coverage, BigDecimal implementation) {
  }

  /** The latest validated assessment's scores and bands, and its as-of date. */
  record Scores(LocalDate asOf, BigDecimal coverage, BigDecimal implementation, String coverageBand,
      String implementationBand, List<AreaScores> areas) {
  }

  /** The scores of those engagements that have a validated assessment, by engagement id; a bounded cost. */
  Map<String, Scores> latest(Collection<String> engagementIds);
}
