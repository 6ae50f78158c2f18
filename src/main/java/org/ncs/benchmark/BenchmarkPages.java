package org.ncs.benchmark;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ncs.benchmark.BenchmarkRequests.Return;
import org.ncs.benchmark.BenchmarkViews.AreaPoint;
import org.ncs.benchmark.BenchmarkViews.AssessmentSummary;
import org.ncs.benchmark.BenchmarkViews.IndexPack;
import org.ncs.benchmark.BenchmarkViews.PackSection;
import org.ncs.benchmark.BenchmarkViews.TrendPoint;
import org.ncs.engagement.Engagements;
import org.ncs.lifecycle.LifecycleMeasures;
import org.ncs.security.CurrentUser;
import org.ncs.security.CurrentUsers;
import org.ncs.web.PageForms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An engagement's scorecard in the pages: scores and bands, focus areas, ranked gaps, evidence, assessments; and,
 * for an ITU officer of the country, the submitted assessment to validate or return.
 */
@Controller
@Validated
class BenchmarkPages {

  private final Scorecards scorecards;
  private final Trends trends;
  private final Assessments assessments;
  private final Engagements engagements;
  private final CurrentUsers users;
  private final Validator validator;
  private final IndexPacks packs;
  private final LifecycleMeasures measures;
  private final Clock clock;

  BenchmarkPages(Scorecards scorecards, Trends trends, Assessments assessments, Engagements engagements,
      CurrentUsers users, Validator validator, IndexPacks packs, LifecycleMeasures measures, Clock clock) {
    this.measures = measures;
    this.packs = packs;
    this.clock = clock;
    this.validator = validator;
    this.scorecards = scorecards;
    this.trends = trends;
    this.assessments = assessments;
    this.engagements = engagements;
    this.users = users;
  }

  @GetMapping("/engagements/{id}/scorecard")
  String scorecard(@PathVariable @Pattern(regexp = BenchmarkRequests.ID, message = "{validation.engagementId}")
      String id, Model model, Locale locale) {
    CurrentUser user = users.current();
    model.addAttribute("engagement", engagements.summary(id, user, locale));
    List<AssessmentSummary> all = assessments.list(id, user);
    model.addAttribute("assessments", all);
    // the team starts an assessment when none is open (one at a time)
    model.addAttribute("mayStart", BenchmarkAccess.isTeam(user) && all.stream()
        .allMatch(item -> item.state().equals("VALIDATED")));
    model.addAttribute("kinds", List.of(AssessmentKind.values()));
    model.addAttribute("today", LocalDate.now(clock));
    // an ITU officer of the country (not on its team) reviews a submitted one here
    model.addAttribute("toReview", BenchmarkAccess.isReviewer(user) ? all.stream()
        .filter(item -> item.state().equals("SUBMITTED")).findFirst().orElse(null) : null);
    // no validated assessment yet: the page says so and lists the ones under way
    model.addAttribute("scorecard", scorecards.latestIfValidated(id, user).orElse(null));
    model.addAttribute("lifecycle", measures.of(id));
    List<TrendPoint> trend = trends.of(id, user);
    model.addAttribute("trend", trend);
    model.addAttribute("chart", Chart.of(trend));
    // the previous comparable point, drawn beside the latest in the focus-area profile
    Map<String, AreaPoint> previous = new HashMap<>();
    if (trend.size() > 1 && !trend.get(trend.size() - 1).breakBefore()) {
      trend.get(trend.size() - 2).areas().forEach(area -> previous.put(area.id(), area));
      model.addAttribute("previousPoint", trend.get(trend.size() - 2));
    }
    model.addAttribute("previous", previous);
    model.addAttribute("section", "work");
    return "benchmark/scorecard";
  }

  /** The index pack: which validated ratings and evidence answer which question of the indices. */
  @GetMapping("/engagements/{id}/index-pack")
  String indexPack(@PathVariable @Pattern(regexp = BenchmarkRequests.ID, message = "{validation.engagementId}")
      String id, Model model, Locale locale) {
    CurrentUser user = users.current();
    model.addAttribute("engagement", engagements.summary(id, user, locale));
    Optional<IndexPack> pack = packs.packIfValidated(id, user);
    model.addAttribute("pack", pack.orElse(null));
    model.addAttribute("instruments", pack.map(found -> found.sections().stream()
        .collect(Collectors.groupingBy(PackSection::instrument, LinkedHashMap::new, Collectors.toList()))
        .entrySet()).orElse(Set.of()));
    model.addAttribute("section", "work");
    return "benchmark/index-pack";
  }

  @PostMapping("/engagements/{id}/assessments/{assessmentId}/validate")
  String validate(@PathVariable @Pattern(regexp = BenchmarkRequests.ID, message = "{validation.engagementId}")
      String id, @PathVariable @Pattern(regexp = BenchmarkRequests.ID, message = "{validation.id}") String assessmentId,
      @RequestParam(required = false) String back, RedirectAttributes next) {
    PageForms.submit(validator, next, "review", PageForms.typed(), null, "scorecard.validated",
        () -> assessments.validate(id, assessmentId, users.current()));
    return back(id, assessmentId, back);
  }

  @PostMapping("/engagements/{id}/assessments/{assessmentId}/return")
  String returnIt(@PathVariable @Pattern(regexp = BenchmarkRequests.ID, message = "{validation.engagementId}")
      String id, @PathVariable @Pattern(regexp = BenchmarkRequests.ID, message = "{validation.id}") String assessmentId,
      @RequestParam(required = false) String reasons, @RequestParam(required = false) String back,
      RedirectAttributes next) {
    Return request = new Return(reasons);
    PageForms.submit(validator, next, "review", PageForms.typed("reasons", reasons), request, "scorecard.returned",
        () -> assessments.returnWith(id, assessmentId, reasons, users.current()));
    return back(id, assessmentId, back);
  }

  /** Back to the page the decision was taken on: the assessment's own, or the scorecard. */
  private static String back(String id, String assessmentId, String back) {
    return "assessment".equals(back) ? "redirect:/engagements/" + id + "/assessments/" + assessmentId
        : "redirect:/engagements/" + id + "/scorecard";
  }

  /**
   * The trend as two lines (coverage, implementation) in a 100-high drawing, one point per validated assessment
   * spread evenly across; a break of edition or revision starts new lines. {@code areas}: the same for each focus
   * area, drawn small.
   */
  record Chart(List<String> coverage, List<String> implementation, List<Point> points,
      Map<String, AreaLines> areas) {

    static final int WIDTH = 600;

    /** Where a point is drawn, and its date for the axis. */
    record Point(int x, String label, boolean breakBefore) {
    }

    /** A focus area's two lines. */
    record AreaLines(String id, List<String> coverage, List<String> implementation) {
    }

    static Chart of(List<TrendPoint> trend) {
      List<Point> points = new ArrayList<>();
      for (int i = 0; i < trend.size(); i++) {
        TrendPoint point = trend.get(i);
        points.add(new Point(x(i, trend.size()), point.assessment().asOf().toString(), point.breakBefore()));
      }
      Map<String, AreaLines> areas = new LinkedHashMap<>();
      if (!trend.isEmpty()) {
        for (AreaPoint area : trend.get(trend.size() - 1).areas()) {
          areas.put(area.id(), new AreaLines(area.id(), lines(trend, point -> areaScore(point, area.id(), true)),
              lines(trend, point -> areaScore(point, area.id(), false))));
        }
      }
      return new Chart(lines(trend, TrendPoint::coverage), lines(trend, TrendPoint::implementation), points, areas);
    }

    private static int x(int index, int count) {
      return count == 1 ? WIDTH / 2 : 20 + index * (WIDTH - 40) / (count - 1);
    }

    /** The polylines of one score over the trend: a new one after each break, none for a score missing. */
    private static List<String> lines(List<TrendPoint> trend, Function<TrendPoint, BigDecimal> score) {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < trend.size(); i++) {
        if (trend.get(i).breakBefore()) {
          lines.add(line.toString().trim());
          line.setLength(0);
        }
        BigDecimal value = score.apply(trend.get(i));
        if (value != null) {
          line.append(x(i, trend.size())).append(',').append(BigDecimal.valueOf(100).subtract(value).toPlainString())
              .append(' ');
        }
      }
      lines.add(line.toString().trim());
      return lines.stream().filter(drawn -> !drawn.isEmpty()).toList();
    }

    private static BigDecimal areaScore(TrendPoint point, String area, boolean coverage) {
      return point.areas().stream().filter(item -> item.id().equals(area)).findFirst()
          .map(item -> coverage ? item.coverage() : item.implementation()).orElse(null);
    }
  }
}
