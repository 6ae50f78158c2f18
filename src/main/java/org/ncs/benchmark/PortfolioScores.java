package org.ncs.benchmark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ncs.engagement.EngagementScores;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The portfolio's scores: for each engagement, its latest validated assessment that nothing supersedes, with the
 * overall and focus-area scores frozen at its validation. One statement for any number of engagements; on
 * PostgreSQL a partial index holds just the rows it reads.
 */
@Component
class PortfolioScores implements EngagementScores {

  private static final String LATEST = """
      select l.engagement_id, l.as_of, s.item, s.coverage, s.implementation, s.coverage_band, s.implementation_band
        from (select a.id, a.engagement_id, a.as_of,
                     row_number() over (partition by a.engagement_id order by a.as_of desc, a.created_at desc) newest
                from unnest(:ids) k(id)
                join assessment a on a.engagement_id = k.id
               where a.state = 'VALIDATED' and a.superseded_by is null) l
        join assessment_score s on s.assessment_id = l.id and s.item not like '%.%'
       where l.newest = 1
       order by l.engagement_id, s.item
      """;

  private final NamedParameterJdbcTemplate jdbc;

  PortfolioScores(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<String, Scores> latest(Collection<String> engagementIds) {
    Map<String, Scores> overall = new HashMap<>();
    Map<String, List<AreaScores>> areas = new HashMap<>();
    // the ids as one array joined as a table, not a list of hundreds: the plan is made once and reused
    jdbc.query(LATEST, Map.of("ids", engagementIds.toArray(String[]::new)), row -> {
      String engagement = row.getString("engagement_id");
      String item = row.getString("item");
      if (FrozenScores.OVERALL.equals(item)) {
        overall.put(engagement, new Scores(row.getDate("as_of").toLocalDate(), row.getBigDecimal("coverage"),
            row.getBigDecimal("implementation"), row.getString("coverage_band"), row.getString("implementation_band"),
            List.of()));
      } else {
        areas.computeIfAbsent(engagement, id -> new ArrayList<>()).add(new AreaScores(item,
            row.getBigDecimal("coverage"), row.getBigDecimal("implementation")));
      }
    });
    Map<String, Scores> latest = new HashMap<>();
    overall.forEach((engagement, scores) -> latest.put(engagement, new Scores(scores.asOf(), scores.coverage(),
        scores.implementation(), scores.coverageBand(), scores.implementationBand(),
        List.copyOf(areas.getOrDefault(engagement, List.of())))));
    return latest;
  }
}
