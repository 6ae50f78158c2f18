package org.ncs.benchmark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ncs.benchmark.BenchmarkViews.AreaPoint;
import org.ncs.benchmark.BenchmarkViews.EvidenceView;
import org.ncs.benchmark.BenchmarkViews.IndexPack;
import org.ncs.benchmark.BenchmarkViews.PackElement;
import org.ncs.benchmark.BenchmarkViews.PackSection;
import org.ncs.benchmark.BenchmarkViews.RatingView;
import org.ncs.benchmark.BenchmarkViews.Scorecard;
import org.ncs.benchmark.BenchmarkViews.TrendPoint;
import org.ncs.catalogue.Catalogue;
import org.ncs.catalogue.Edition;
import org.ncs.catalogue.Scale;
import org.ncs.engagement.EngagementViews.EngagementSummary;
import org.ncs.web.Messages;
import org.ncs.web.PdfReports;
import org.ncs.web.Tables;
import org.ncs.web.Tables.Table;
import org.springframework.stereotype.Component;

/**
 * The benchmark as files, in the reader's language: the scorecard (CSV, XLSX, and a PDF report rendered from its
 * own HTML template, a page per focus area, Arabic laid out right to left), the trend and the index pack (CSV,
 * XLSX). The rows are the API's; only evidence the reader may see is named.
 */
@Component
class BenchmarkExports {

  private final Catalogue catalogue;
  private final PdfReports pdfs;

  BenchmarkExports(Catalogue catalogue, PdfReports pdfs) {
    this.catalogue = catalogue;
    this.pdfs = pdfs;
  }

  /** The focus areas, overall first, with their scores and bands. */
  Table areas(Scorecard scorecard, Locale locale) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of(Messages.get(locale, "export.overall"), "", value(scorecard.score().coverage()),
        value(scorecard.score().implementation()), band(scorecard.score().coverageBand(), locale),
        band(scorecard.score().implementationBand(), locale)));
    for (Scoring.AreaScore area : scorecard.score().areas()) {
      rows.add(List.of(area.number(), area.title(), value(area.coverage()), value(area.implementation()), "", ""));
    }
    return new Table(Messages.get(locale, "export.sheet.areas"), Tables.headings(locale, "area", "title", "coverage",
        "implementation", "coverageBand", "implementationBand"), rows, Set.of(1));
  }

  /** Every element with its levels, scores, gap, rationale and the evidence the reader may see. */
  Table elements(Scorecard scorecard, Locale locale) {
    Edition edition = catalogue.edition(scorecard.assessment().edition()).orElseThrow();
    Map<Integer, String> coverage = edition.scales().names(Scale.COVERAGE);
    Map<Integer, String> implementation = edition.scales().names(Scale.IMPLEMENTATION);
    Map<String, EvidenceView> evidence = byId(scorecard.evidence());
    List<List<Object>> rows = new ArrayList<>();
    for (Scoring.AreaScore area : scorecard.score().areas()) {
      for (Scoring.ElementScore element : area.elements()) {
        RatingView rating = scorecard.ratings().get(element.id());
        List<Object> row = new ArrayList<>(List.of(area.number(), element.number(), element.title()));
        if (element.notApplicable()) {
          row.addAll(List.of(Messages.get(locale, "scorecard.notApplicable"), "", "", "", ""));
        } else {
          row.addAll(List.of(level(element.coverage(), coverage), level(element.implementation(), implementation),
              value(element.coverageScore()), value(element.implementationScore()), value(element.gap())));
        }
        row.add(rating == null || rating.rationale() == null ? "" : rating.rationale());
        row.add(rating == null ? "" : cited(rating.evidence().stream().map(evidence::get)
            .filter(item -> item != null).toList()));
        rows.add(row);
      }
    }
    return new Table(Messages.get(locale, "export.sheet.elements"), Tables.headings(locale, "area", "element", "title",
        "coverageLevel", "implementationLevel", "coverage", "implementation", "gap", "rationale", "evidence"), rows,
        Set.of(2, 8, 9));
  }

  /** Every validated assessment, overall and by focus area, with the change since the one before. */
  Table trend(List<TrendPoint> trend, Locale locale) {
    List<List<Object>> rows = new ArrayList<>();
    for (TrendPoint point : trend) {
      List<Object> first = new ArrayList<>(List.of(point.assessment().asOf().toString(),
          Messages.get(locale, "assessment.kind." + point.assessment().kind()), point.assessment().edition(),
          point.assessment().revision(), Messages.get(locale, point.breakBefore() ? "export.yes" : "export.no"),
          Messages.get(locale, "export.overall")));
      first.addAll(scores(point.coverage(), point.implementation(), point.coverageChange(),
          point.implementationChange()));
      rows.add(first);
      for (AreaPoint area : point.areas()) {
        List<Object> row = new ArrayList<>(List.of(point.assessment().asOf().toString(), "", "", "", "",
            area.id()));
        row.addAll(scores(area.coverage(), area.implementation(), area.coverageChange(),
            area.implementationChange()));
        rows.add(row);
      }
    }
    return new Table(Messages.get(locale, "export.sheet.trend"), Tables.headings(locale, "asOf", "kind", "edition",
        "revision", "break", "area", "coverage", "implementation", "coverageChange", "implementationChange"), rows,
        Set.of());
  }

  /** Per question of each index, the elements that answer it with their ratings and evidence. */
  Table indexPack(IndexPack pack, Locale locale) {
    List<List<Object>> rows = new ArrayList<>();
    for (PackSection section : pack.sections()) {
      for (PackElement element : section.elements()) {
        rows.add(List.of(section.instrument(), section.id(), section.title(),
            Messages.get(locale, "crosswalk.confidence." + section.confidence()), element.number(), element.title(),
            Messages.get(locale, "crosswalk.strength." + element.strength()),
            element.notApplicable() ? Messages.get(locale, "scorecard.notApplicable") : value(element.coverage()),
            element.notApplicable() ? "" : value(element.implementation()),
            cited(element.evidence())));
      }
    }
    return new Table(Messages.get(locale, "export.sheet.indexPack"), Tables.headings(locale, "instrument", "question",
        "questionTitle", "confidence", "element", "title", "strength", "coverageLevel", "implementationLevel",
        "evidence"), rows, Set.of(2, 5, 9));
  }

  /** The scorecard report as a PDF: overall, focus areas, trend and gaps, then a page per focus area. */
  byte[] report(Scorecard scorecard, List<TrendPoint> trend, EngagementSummary engagement, Locale locale) {
    Edition edition = catalogue.edition(scorecard.assessment().edition()).orElseThrow();
    Map<String, Object> variables = new HashMap<>();
    variables.put("scorecard", scorecard);
    variables.put("trend", trend);
    variables.put("engagement", engagement);
    variables.put("edition", edition);
    variables.put("evidence", byId(scorecard.evidence()));
    variables.put("coverageNames", edition.scales().names(Scale.COVERAGE));
    variables.put("implementationNames", edition.scales().names(Scale.IMPLEMENTATION));
    return pdfs.render("benchmark/report", variables, locale);
  }

  private static List<Object> scores(BigDecimal coverage, BigDecimal implementation, BigDecimal coverageChange,
      BigDecimal implementationChange) {
    List<Object> cells = new ArrayList<>();
    cells.add(coverage);
    cells.add(implementation);
    cells.add(coverageChange);
    cells.add(implementationChange);
    return cells;
  }


  private static Object value(Number number) {
    return number == null ? "" : number;
  }

  private static String band(String band, Locale locale) {
    return band == null ? "" : Messages.get(locale, "band." + band);
  }

  private static String level(Integer level, Map<Integer, String> names) {
    return level == null ? "" : level + " · " + names.getOrDefault(level, "");
  }

  /** The sources as one cell: each title with its link. */
  private static String cited(List<EvidenceView> items) {
    return items.stream().map(item -> item.title() + (item.link() == null ? "" : " <" + item.link() + ">"))
        .collect(Collectors.joining("; "));
  }

  private static Map<String, EvidenceView> byId(List<EvidenceView> evidence) {
    return evidence.stream().collect(Collectors.toMap(EvidenceView::id, Function.identity(), (a, b) -> a));
  }
}
