package org.ncs.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The editions of the guide this service knows, loaded and checked once at start-up. An invalid data file stops
 * the start with a message that names the offending item.
 */
@Service
@EnableConfigurationProperties(CatalogueProperties.class)
public class Catalogue {

  private static final Logger log = LoggerFactory.getLogger(Catalogue.class);

  private final List<Edition> editions;

  Catalogue(CatalogueProperties properties, ResourcePatternResolver resolver) {
    this.editions = CatalogueLoader.load(resolve(properties.locations(), resolver));
    if (editions.isEmpty()) {
      throw new InvalidCatalogueException(String.join(", ", properties.locations()),
          List.of("no edition data file found"));
    }
    editions.forEach(e -> log.info("Catalogue edition {} (revision {}): {} phases, {} steps, {} principles, "
            + "{} focus areas, {} elements", e.key(), e.revision(), e.phases().size(), e.steps().count(),
        e.principles().size(), e.focusAreas().size(), e.elements().count()));
  }

  /** Every edition, oldest first. */
  public List<Edition> editions() {
    return editions;
  }

  public Optional<Edition> edition(String key) {
    return editions.stream().filter(e -> e.key().equals(key)).findFirst();
  }

  /** The newest edition, which new work follows unless told otherwise. */
  public Edition current() {
    return editions.get(editions.size() - 1);
  }

  private static List<Resource> resolve(List<String> locations, ResourcePatternResolver resolver) {
    List<Resource> files = new ArrayList<>();
    for (String location : locations) {
      try {
        files.addAll(Arrays.asList(resolver.getResources(location)));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list catalogue files at " + location, e);
      }
    }
    return files;
  }
}
