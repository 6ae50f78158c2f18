package org.ncs.catalogue;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;

/** Reads edition data files and refuses any that would leave the catalogue inconsistent. */
final class CatalogueLoader {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private CatalogueLoader() {
  }

  /** The editions in the given files, oldest first. */
  static List<Edition> load(List<Resource> files) {
    Map<String, String> sourceByKey = new HashMap<>();
    List<Edition> editions = new ArrayList<>();
    for (Resource file : files) {
      String source = describe(file);
      Edition edition = read(file, source);
      List<String> problems = new ArrayList<>(CatalogueValidator.problems(edition));
      String earlier = sourceByKey.putIfAbsent(edition.key(), source);
      if (earlier != null) {
        problems.add("edition " + edition.key() + " is already defined in " + earlier);
      }
      if (!problems.isEmpty()) {
        throw new InvalidCatalogueException(source, problems);
      }
      editions.add(edition);
    }
    editions.sort(Comparator.comparingInt(Edition::year).thenComparing(Edition::key));
    return List.copyOf(editions);
  }

  private static Edition read(Resource file, String source) {
    byte[] content;
    try (InputStream in = file.getInputStream()) {
      content = in.readAllBytes();
    } catch (IOException e) {
      throw new InvalidCatalogueException(source, List.of("cannot be read: " + e.getMessage()));
    }
    try {
      Edition edition = YAML.readValue(content, Edition.class);
      if (edition == null) {
        throw new InvalidCatalogueException(source, List.of("the file is empty"));
      }
      return edition.withDerivedFields(revisionOf(content));
    } catch (JacksonException e) {
      throw new InvalidCatalogueException(source, List.of(e.getOriginalMessage() + " (" + where(e) + ")"));
    } catch (IOException e) {
      throw new InvalidCatalogueException(source, List.of("cannot be read: " + e.getMessage()));
    }
  }

  /** The item's path in the file (e.g. {@code phases[2].steps[0].role}) and the line the parser reached. */
  private static String where(JacksonException e) {
    String path = e instanceof JsonMappingException mapping
        ? mapping.getPath().stream()
            .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining()).replaceFirst("^\\.", "")
        : "";
    String line = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr();
    return path.isEmpty() ? line : path + (line.isEmpty() ? "" : ", near " + line);
  }

  private static String revisionOf(byte[] content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String describe(Resource file) {
    String name = file.getFilename();
    return name == null ? file.getDescription() : "catalogue/" + name;
  }
}
