package org.ncs.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Small but genuine files of each kind an upload may be, and of kinds it must not be. */
public final class SampleFiles {

  private SampleFiles() {
  }

  public static byte[] pdf() {
    String body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    return body.getBytes(StandardCharsets.US_ASCII);
  }

  public static byte[] png() {
    return image("png");
  }

  public static byte[] jpeg() {
    return image("jpg");
  }

  public static byte[] docx() {
    return ooxml("word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>");
  }

  public static byte[] xlsx() {
    return ooxml("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>");
  }

  public static byte[] pptx() {
    return ooxml("ppt/presentation.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
        "<p:presentation xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"/>");
  }

  public static byte[] odt() {
    return odf("application/vnd.oasis.opendocument.text");
  }

  public static byte[] ods() {
    return odf("application/vnd.oasis.opendocument.spreadsheet");
  }

  /** A plain ZIP archive. */
  public static byte[] zip() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("notes.txt", "a note");
    return zip(entries, false);
  }

  /** The start of a Windows executable. */
  public static byte[] executable() {
    byte[] bytes = new byte[512];
    bytes[0] = 'M';
    bytes[1] = 'Z';
    bytes[0x3c] = (byte) 0x80;
    bytes[0x80] = 'P';
    bytes[0x81] = 'E';
    return bytes;
  }

  public static byte[] script() {
    return "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] image(String format) {
    BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, 0x0b4f8c);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] ooxml(String mainPart, String mainType, String mainXml) {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/" + mainPart + "\" ContentType=\"" + mainType + "\"/></Types>");
    entries.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        + "officeDocument\" Target=\"" + mainPart + "\"/></Relationships>");
    entries.put(mainPart, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + mainXml);
    return zip(entries, false);
  }

  private static byte[] odf(String mimetype) {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("mimetype", mimetype);
    entries.put("META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
        + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + mimetype + "\"/>"
        + "</manifest:manifest>");
    entries.put("content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
        + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>");
    return zip(entries, true);
  }

  /** A ZIP of these entries; ODF wants its first entry, the media type, stored uncompressed. */
  private static byte[] zip(Map<String, String> entries, boolean firstStored) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      boolean first = true;
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        byte[] content = entry.getValue().getBytes(StandardCharsets.UTF_8);
        ZipEntry zipEntry = new ZipEntry(entry.getKey());
        if (first && firstStored) {
          CRC32 crc = new CRC32();
          crc.update(content);
          zipEntry.setMethod(ZipEntry.STORED);
          zipEntry.setSize(content.length);
          zipEntry.setCompressedSize(content.length);
          zipEntry.setCrc(crc.getValue());
        }
        first = false;
        zip.putNextEntry(zipEntry);
        zip.write(content);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
