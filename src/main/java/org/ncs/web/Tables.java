package org.ncs.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Tables as files to download: CSV (RFC 4180, UTF-8 with a byte order mark so that spreadsheets read it as such)
 * and XLSX (one sheet per table, right to left for a right-to-left language, numbers as numbers). A cell a
 * spreadsheet would take for a formula is kept as text.
 */
public final class Tables {

  public static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
  public static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private static final int MAX_CELL = 32_767;

  private Tables() {
  }

  /**
   * A table: its name (the sheet's), its headings, its rows (text, numbers, or null for an empty cell), and which
   * columns get the room.
   */
  public record Table(String name, List<String> headings, List<List<Object>> rows, Set<Integer> wide) {
  }

  /** Column headings in the reader's language, from the {@code export.column.*} messages. */
  public static List<String> headings(Locale locale, String... keys) {
    return Arrays.stream(keys).map(key -> Messages.get(locale, "export.column." + key)).toList();
  }

  public static byte[] csv(Table table) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append(csvLine(List.copyOf(table.headings())));
    table.rows().forEach(row -> csv.append(csvLine(row)));
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] xlsx(List<Table> tables, Locale locale) {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle heading = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      heading.setFont(bold);
      CellStyle wrapped = workbook.createCellStyle();
      wrapped.setWrapText(true);
      for (Table table : tables) {
        SXSSFSheet sheet = workbook.createSheet(sheetName(table.name()));
        sheet.setRightToLeft(Languages.isRightToLeft(locale));
        Row first = sheet.createRow(0);
        for (int i = 0; i < table.headings().size(); i++) {
          first.createCell(i).setCellValue(table.headings().get(i));
          first.getCell(i).setCellStyle(heading);
          sheet.setColumnWidth(i, 256 * (table.wide().contains(i) ? 60 : 18));
        }
        sheet.createFreezePane(0, 1);
        int number = 1;
        for (List<Object> values : table.rows()) {
          Row row = sheet.createRow(number++);
          for (int i = 0; i < values.size(); i++) {
            Cell cell = row.createCell(i);
            Object value = values.get(i);
            if (value instanceof Number amount) {
              cell.setCellValue(amount.doubleValue());
            } else if (value != null) {
              String text = value.toString();
              // a spreadsheet cell holds at most 32,767 characters
              cell.setCellValue(text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text);
              cell.setCellStyle(wrapped);
            }
          }
        }
      }
      workbook.write(out);
      workbook.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One table as a file to download, {@code name}.csv or {@code name}.xlsx as {@code format} says. */
  public static ResponseEntity<byte[]> download(Table table, String format, String name, Locale locale) {
    return "xlsx".equals(format) ? download(xlsx(List.of(table), locale), XLSX, name + ".xlsx", locale)
        : download(csv(table), CSV, name + ".csv", locale);
  }

  /** The file as an attachment named {@code name}, in the reader's language. */
  public static ResponseEntity<byte[]> download(byte[] bytes, MediaType type, String name, Locale locale) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
        .body(bytes);
  }

  private static String csvLine(List<?> cells) {
    return String.join(",", cells.stream().map(Tables::csvCell).toList()) + "\r\n";
  }

  private static String csvCell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number) {
      return value.toString();
    }
    String text = value.toString();
    String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }

  /** Sheet names are at most 31 characters and cannot hold some punctuation. */
  private static String sheetName(String name) {
    String clean = name.replaceAll("[\\\\/?*\\[\\]:]", " ").trim();
    return clean.length() > 31 ? clean.substring(0, 31) : clean;
  }
}
