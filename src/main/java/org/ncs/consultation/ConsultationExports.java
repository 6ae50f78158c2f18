package org.ncs.consultation;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ncs.consultation.ConsultationViews.ConsultationRecord;
import org.ncs.consultation.ConsultationViews.ItemView;
import org.ncs.consultation.ConsultationViews.RoundRecord;
import org.ncs.web.Formats;
import org.ncs.web.Messages;
import org.ncs.web.Tables;
import org.ncs.web.Tables.Table;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The consultation log as a file to publish or to work on: CSV, XLSX or PDF, its headings and values in the
 * reader's language (right to left in Arabic). The public log has no column for the names of individuals.
 *
 * <p>The PDF is set in DejaVu Sans, which the service carries (Latin, Cyrillic, Arabic), and, for Chinese, in a
 * CJK font of the system if there is one ({@code ncs.export.cjk-font}); without it, Chinese text is left out of
 * the PDF's glyphs, as the README says.
 */
@Component
class ConsultationExports {

  enum Format {
    CSV("text/csv;charset=UTF-8"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PDF("application/pdf");

    final String mediaType;

    Format(String mediaType) {
      this.mediaType = mediaType;
    }
  }

  private final Formats formats;
  private final Path cjkFont;

  ConsultationExports(Formats formats,
      @Value("${ncs.export.cjk-font}") Path cjkFont) {
    this.formats = formats;
    this.cjkFont = cjkFont;
  }

  ResponseEntity<byte[]> download(ConsultationRecord record, Format format, Locale locale) {
    byte[] bytes = switch (format) {
      case CSV -> csv(record, locale);
      case XLSX -> xlsx(record, locale);
      case PDF -> pdf(record, locale);
    };
    String name = "consultation-log-" + (record.withNames() ? "full" : "public") + "." + format.name()
        .toLowerCase(Locale.ROOT);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(format.mediaType))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
        .body(bytes);
  }

  /** The columns, in order; the names of individuals only in the full log. */
  private static List<String> columns(boolean withNames) {
    List<String> keys = new ArrayList<>(List.of("round", "draft", "group", "organisation"));
    if (withNames) {
      keys.add("author");
    }
    keys.addAll(List.of("date", "reference", "comment", "disposition", "reason"));
    if (withNames) {
      keys.add("dispositionedBy");
    }
    keys.add("answeredIn");
    return keys;
  }

  private static List<String> headings(boolean withNames, Locale locale) {
    return columns(withNames).stream().map(key -> Messages.get(locale, "consultation.column." + key)).toList();
  }

  /** The comment and the reason get the room; the rest is short. */
  private static boolean wide(String column) {
    return column.equals("comment") || column.equals("reason");
  }

  /** One line of the log, in the order of {@link #columns}. */
  private List<String> line(ItemView item, boolean withNames, Locale locale) {
    List<String> cells = new ArrayList<>(List.of(String.valueOf(item.round()), nonNull(item.draft()),
        Messages.get(locale, "stakeholderCategory." + item.group()), nonNull(item.organisation())));
    if (withNames) {
      cells.add(nonNull(item.author()));
    }
    cells.addAll(List.of(formats.date(item.createdAt()),
        item.reference() == null ? Messages.get(locale, "consultation.general") : item.reference(),
        item.comment(),
        item.disposition() == null ? Messages.get(locale, "consultation.noDisposition")
            : Messages.get(locale, "disposition." + item.disposition().name()),
        nonNull(item.reason())));
    if (withNames) {
      cells.add(nonNull(item.dispositionedBy()));
    }
    cells.add(nonNull(item.answeredIn()));
    return cells;
  }

  private List<List<String>> lines(ConsultationRecord record, Locale locale) {
    List<List<String>> lines = new ArrayList<>();
    for (RoundRecord round : record.rounds()) {
      round.items().forEach(item -> lines.add(line(item, record.withNames(), locale)));
    }
    return lines;
  }

  byte[] csv(ConsultationRecord record, Locale locale) {
    return Tables.csv(table(record, locale));
  }

  byte[] xlsx(ConsultationRecord record, Locale locale) {
    return Tables.xlsx(List.of(table(record, locale)), locale);
  }

  private Table table(ConsultationRecord record, Locale locale) {
    List<String> columns = columns(record.withNames());
    Set<Integer> wide = new HashSet<>();
    for (int i = 0; i < columns.size(); i++) {
      if (wide(columns.get(i))) {
        wide.add(i);
      }
    }
    return new Table(Messages.get(locale, "consultation.sheet"), headings(record.withNames(), locale),
        lines(record, locale).stream().map(line -> List.<Object>copyOf(line)).toList(), wide);
  }

  byte[] pdf(ConsultationRecord record, Locale locale) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document pdf = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
    try {
      PdfWriter.getInstance(pdf, out);
      pdf.addTitle(Messages.get(locale, record.withNames() ? "consultation.logTitle" : "consultation.publicLogTitle"));
      pdf.open();
      FontSelector title = fonts(13, Font.BOLD);
      FontSelector body = fonts(8, Font.NORMAL);
      FontSelector bold = fonts(8, Font.BOLD);
      int direction = isRightToLeft(locale) ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR;
      PdfPTable heading = new PdfPTable(1);
      heading.setWidthPercentage(100);
      heading.setRunDirection(direction);
      PdfPCell titleCell = new PdfPCell(title.process(Messages.get(locale,
          record.withNames() ? "consultation.logTitle" : "consultation.publicLogTitle")));
      titleCell.setBorder(0);
      titleCell.setPaddingBottom(8);
      heading.addCell(titleCell);
      pdf.add(heading);
      List<String> headings = headings(record.withNames(), locale);
      PdfPTable table = new PdfPTable(headings.size());
      table.setWidthPercentage(100);
      table.setRunDirection(direction);
      table.setHeaderRows(1);
      table.setWidths(widths(columns(record.withNames())));
      headings.forEach(text -> table.addCell(cell(bold.process(text), direction, true)));
      for (List<String> line : lines(record, locale)) {
        line.forEach(text -> table.addCell(cell(body.process(text), direction, false)));
      }
      if (record.rounds().stream().allMatch(round -> round.items().isEmpty())) {
        pdf.add(new Paragraph(body.process(Messages.get(locale, "consultation.noComments"))));
      } else {
        pdf.add(table);
      }
      pdf.close();
      return out.toByteArray();
    } catch (DocumentException e) {
      throw new IllegalStateException("The consultation log could not be set as a PDF", e);
    }
  }

  private static PdfPCell cell(Phrase phrase, int direction, boolean heading) {
    PdfPCell cell = new PdfPCell(phrase);
    cell.setRunDirection(direction);
    cell.setPadding(3);
    cell.setVerticalAlignment(Element.ALIGN_TOP);
    if (heading) {
      cell.setGrayFill(0.9f);
    }
    return cell;
  }

  private static float[] widths(List<String> columns) {
    float[] widths = new float[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = wide(columns.get(i)) ? 4 : 2.2f;
    }
    return widths;
  }

  /** DejaVu Sans first, then a CJK font where the system has one. */
  private FontSelector fonts(float size, int style) {
    FontSelector selector = new FontSelector();
    selector.addFont(new Font(dejaVu(), size, style));
    BaseFont cjk = cjk();
    if (cjk != null) {
      selector.addFont(new Font(cjk, size, style));
    }
    return selector;
  }

  private static volatile BaseFont dejaVu;
  private volatile BaseFont cjkBase;
  private volatile boolean cjkLooked;

  private static BaseFont dejaVu() {
    if (dejaVu == null) {
      try (InputStream in = ConsultationExports.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
        dejaVu = BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
            in.readAllBytes(), null);
      } catch (IOException | DocumentException e) {
        throw new IllegalStateException("The font of the PDF exports is missing", e);
      }
    }
    return dejaVu;
  }

  private BaseFont cjk() {
    if (!cjkLooked) {
      try {
        cjkBase = Files.isReadable(cjkFont) ? BaseFont.createFont(cjkFont + (cjkFont.toString().endsWith(".ttc")
            ? ",0" : ""), BaseFont.IDENTITY_H, BaseFont.EMBEDDED) : null;
      } catch (IOException | DocumentException e) {
        cjkBase = null;
      }
      cjkLooked = true;
    }
    return cjkBase;
  }

  static boolean isRightToLeft(Locale locale) {
    return "ar".equals(locale.getLanguage());
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
