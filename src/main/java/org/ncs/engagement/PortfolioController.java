package org.ncs.engagement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Locale;
import org.ncs.security.CurrentUsers;
import org.springframework.web.bind.annotation.GetMapping;
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
}
