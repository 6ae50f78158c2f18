package org.ncs.benchmark;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
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
import org.ncs.web.Formats;
import org.ncs.web.Languages;
import org.ncs.web.Messages;
import org.ncs.web.Tables;
import org.ncs.web.Tables.Table;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The benchmark as files, in the reader's language: the scorecard (CSV, XLSX, and a PDF report rendered from its
 * own HTML template, a page per focus area, Arabic laid out right to left), the trend and the index pack (CSV,
 * XLSX). The rows are the API's; only evidence the reader may see is named.
 */
@Component
class BenchmarkExports {

  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]");

  private final Catalogue catalogue;
  private final TemplateEngine templates;
  private final Formats formats;
  private final Path cjkFont;

  BenchmarkExports(Catalogue catalogue, TemplateEngine templates, Formats formats,
      @Value("${ncs.export.cjk-font}") Path cjkFont) {
    this.catalogue = catalogue;
    this.templates = templates;
    this.formats = formats;
    this.cjkFont = cjkFont;
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

  /**
   * The scorecard report as a PDF: the page template rendered by openhtmltopdf with DejaVu Sans (Latin, Cyrillic,
   * Arabic, shaped and reordered right to left by ICU) and a CJK font of the system for Chinese where there is one.
   */
  byte[] report(Scorecard scorecard, List<TrendPoint> trend, EngagementSummary engagement, Locale locale) {
    Edition edition = catalogue.edition(scorecard.assessment().edition()).orElseThrow();
    Context context = new Context(locale);
    context.setVariable("scorecard", scorecard);
    context.setVariable("trend", trend);
    context.setVariable("engagement", engagement);
    context.setVariable("edition", edition);
    context.setVariable("evidence", byId(scorecard.evidence()));
    context.setVariable("coverageNames", edition.scales().names(Scale.COVERAGE));
    context.setVariable("implementationNames", edition.scales().names(Scale.IMPLEMENTATION));
    context.setVariable("fmt", formats);
    context.setVariable("rtl", Languages.isRightToLeft(locale));
    // the renderer parses XML, which has no place for most control characters a pasted text may carry
    String html = CONTROL.matcher(templates.process("benchmark/report", context)).replaceAll("");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean chinese = "zh".equals(locale.getLanguage()) && Files.isReadable(cjkFont);
    try (PDDocument document = new PDDocument(); TrueTypeCollection collection = chinese
        && cjkFont.toString().endsWith(".ttc") ? new TrueTypeCollection(cjkFont.toFile()) : null) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.usePDDocument(document);
      builder.useFont(() -> font("/fonts/DejaVuSans.ttf"), "DejaVu Sans");
      if (chinese) {
        // embedded as a subset when the document is written, so the collection stays open until then
        builder.useFont(new PDFontSupplier(collection == null ? PDType0Font.load(document, cjkFont.toFile())
            : PDType0Font.load(document, firstFace(collection), true)), "CJK");
      }
      builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
      builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
      builder.defaultTextDirection(Languages.isRightToLeft(locale) ? TextDirection.RTL : TextDirection.LTR);
      builder.withHtmlContent(html, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render the scorecard report", e);
    }
    return out.toByteArray();
  }

  private static InputStream font(String resource) {
    return BenchmarkExports.class.getResourceAsStream(resource);
  }

  /** The first face of a font collection (the system's CJK fonts come as one). */
  private static TrueTypeFont firstFace(TrueTypeCollection collection) throws IOException {
    List<TrueTypeFont> faces = new ArrayList<>();
    collection.processAllFonts(faces::add);
    return faces.get(0);
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
