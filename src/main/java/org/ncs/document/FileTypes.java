package org.ncs.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

/**
 * What a file is, read from its content with Apache Tika (magic bytes, and inside ZIP containers for the office
 * formats), never from its name; and the kinds the service keeps, with the names they go by. Executables,
 * scripts, archives and everything else are not among them.
 */
final class FileTypes {

  static final String PDF = "application/pdf";
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
  static final String ODT = "application/vnd.oasis.opendocument.text";
  static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
  static final String PNG = "image/png";
  static final String JPEG = "image/jpeg";

  /** The media types kept, each with the file name extensions that may carry it. */
  static final Map<String, Set<String>> ACCEPTED = Map.of(PDF, Set.of("pdf"), DOCX, Set.of("docx"),
      XLSX, Set.of("xlsx"), PPTX, Set.of("pptx"), ODT, Set.of("odt"), ODS, Set.of("ods"), PNG, Set.of("png"),
      JPEG, Set.of("jpg", "jpeg"));

  private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();

  private FileTypes() {
  }

  /** The media type of the file's content, without parameters (e.g. {@code application/pdf}). */
  static String detect(Path file) {
    // no name in the metadata: the content alone decides
    try (TikaInputStream content = TikaInputStream.get(file)) {
      return DETECTOR.detect(content, new Metadata()).getBaseType().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The extension of a file name, lower case, if it has one. */
  static Optional<String> extension(String name) {
    int dot = name == null ? -1 : name.lastIndexOf('.');
    return dot < 0 || dot == name.length() - 1 ? Optional.empty()
        : Optional.of(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
