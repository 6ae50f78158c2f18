package org.ncs.web;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Reports as PDF, in the reader's language: a page template rendered by openhtmltopdf (well-formed XHTML, CSS 2.1
 * and paged media) with DejaVu Sans (Latin, Cyrillic, Arabic, shaped and reordered right to left by ICU) and a CJK
 * font of the system for Chinese where there is one. Templates name the fonts {@code 'DejaVu Sans', 'CJK'} and get
 * {@code fmt} (the {@link Formats}) and {@code rtl} besides their own variables.
 */
@Component
public class PdfReports {

  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]");

  private final TemplateEngine templates;
  private final Formats formats;
  private final Path cjkFont;

  PdfReports(TemplateEngine templates, Formats formats, @Value("${ncs.export.cjk-font}") Path cjkFont) {
    this.templates = templates;
    this.formats = formats;
    this.cjkFont = cjkFont;
  }

  public byte[] render(String template, Map<String, Object> variables, Locale locale) {
    Context context = new Context(locale);
    context.setVariables(variables);
    context.setVariable("fmt", formats);
    context.setVariable("rtl", Languages.isRightToLeft(locale));
    // the renderer parses XML, which has no place for most control characters a pasted text may carry
    String html = CONTROL.matcher(templates.process(template, context)).replaceAll("");
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
      throw new UncheckedIOException("Cannot render the report " + template, e);
    }
    return out.toByteArray();
  }

  private static InputStream font(String resource) {
    return PdfReports.class.getResourceAsStream(resource);
  }

  /** The first face of a font collection (the system's CJK fonts come as one). */
  private static TrueTypeFont firstFace(TrueTypeCollection collection) throws IOException {
    List<TrueTypeFont> faces = new ArrayList<>();
    collection.processAllFonts(faces::add);
    return faces.get(0);
  }
}
