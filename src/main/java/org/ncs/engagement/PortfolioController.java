package org.ncs.engagement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ncs.security.CurrentUsers;
import org.ncs.web.Messages;
import org.ncs.web.Tables;
import org.ncs.web.Tables.Table;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The portfolio through the API: the same rows, filters and orders as the page. */
@RestController
@Tag(name = "Engagements")
class PortfolioController {

  private final Portfolio portfolio;
  private final CurrentUsers users;

  PortfolioController(Portfolio portfolio, CurrentUsers users) {
    this.portfolio = portfolio;
    this.users = users;
  }

  @GetMapping("/api/portfolio")
  @Operation(summary = "Every engagement of your countries: phase, current steps, open and overdue tasks, last "
      + "activity, and the latest validated scores (overall and by focus area) with their maturity bands; filter by "
      + "region, phase, overdue, status and implementation band, order by any column")
  List<Portfolio.Row> portfolio(
      @RequestParam(required = false) @Pattern(regexp = "[a-z-]{2,16}", message = "{validation.region}")
      String region,
      @RequestParam(required = false) @Pattern(regexp = "P[1-5]", message = "{validation.phase}") String phase,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(required = false) @Pattern(regexp = "[a-z]{2,16}", message = "{validation.band}") String band,
      @RequestParam(defaultValue = "ACTIVE") EngagementStatus status,
      @RequestParam(defaultValue = "COUNTRY") Portfolio.Order sort,
      @RequestParam(defaultValue = "false") boolean descending, Locale locale) {
    return portfolio.of(users.current(), new Portfolio.Filter(region, phase, overdue, status, band), sort, descending,
        locale);
  }

  @GetMapping("/api/portfolio.{format}")
  @Operation(summary = "The portfolio as CSV or XLSX, in your language, with the same filters and order")
  ResponseEntity<byte[]> portfolioFile(
      @PathVariable @Pattern(regexp = "csv|xlsx", message = "{validation.exportFormat}") String format,
      @RequestParam(required = false) @Pattern(regexp = "[a-z-]{2,16}", message = "{validation.region}")
      String region,
      @RequestParam(required = false) @Pattern(regexp = "P[1-5]", message = "{validation.phase}") String phase,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(required = false) @Pattern(regexp = "[a-z]{2,16}", message = "{validation.band}") String band,
      @RequestParam(defaultValue = "ACTIVE") EngagementStatus status,
      @RequestParam(defaultValue = "COUNTRY") Portfolio.Order sort,
      @RequestParam(defaultValue = "false") boolean descending, Locale locale) {
    List<Portfolio.Row> rows = portfolio(region, phase, overdue, band, status, sort, descending, locale);
    return Tables.download(table(rows, locale), format, "portfolio", locale);
  }

  /** One row per engagement: where it stands and its latest validated scores (overall, then by focus area). */
  private static Table table(List<Portfolio.Row> rows, Locale locale) {
    List<String> areas = rows.stream().filter(row -> row.scores() != null)
        .flatMap(row -> row.scores().areas().stream().map(EngagementScores.AreaScores::id)).distinct().sorted()
        .toList();
    List<String> headings = new ArrayList<>(Tables.headings(locale, "country", "region", "engagement", "phases",
        "steps", "openTasks", "overdueTasks", "lastActivity", "assessedAsOf", "coverage", "implementation",
        "coverageBand", "implementationBand"));
    for (String area : areas) {
      headings.add(area + " · " + Messages.get(locale, "scorecard.coverage"));
      headings.add(area + " · " + Messages.get(locale, "scorecard.implementation"));
    }
    List<List<Object>> lines = new ArrayList<>();
    for (Portfolio.Row row : rows) {
      EngagementScores.Scores scores = row.scores();
      List<Object> line = new ArrayList<>(List.of(row.engagement().country().name(),
          Messages.get(locale, "region." + row.engagement().country().region()), row.engagement().title(),
          String.join(", ", row.phases().stream().map(p -> Messages.get(locale, "phase." + p)).toList()),
          String.join("; ", row.currentSteps()), row.openTasks(), row.overdueTasks(),
          row.lastActivity() == null ? "" : row.lastActivity().toString()));
      if (scores == null) {
        line.addAll(List.of(Messages.get(locale, "portfolio.notAssessed"), "", "", "", ""));
      } else {
        line.add(scores.asOf().toString());
        line.add(scores.coverage() == null ? "" : scores.coverage());
        line.add(scores.implementation() == null ? "" : scores.implementation());
        line.add(scores.coverageBand() == null ? "" : Messages.get(locale, "band." + scores.coverageBand()));
        line.add(scores.implementationBand() == null ? ""
            : Messages.get(locale, "band." + scores.implementationBand()));
      }
      for (String area : areas) {
        EngagementScores.AreaScores score = scores == null ? null : scores.areas().stream()
            .filter(item -> item.id().equals(area)).findFirst().orElse(null);
        line.add(score == null || score.coverage() == null ? "" : score.coverage());
        line.add(score == null || score.implementation() == null ? "" : score.implementation());
      }
      lines.add(line);
    }
    return new Table(Messages.get(locale, "export.sheet.portfolio"), headings, lines, Set.of(2, 4));
  }
}
