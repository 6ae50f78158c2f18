package org.ncs.benchmark;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ncs.catalogue.Catalogue;
import org.ncs.catalogue.Edition;
import org.ncs.catalogue.Element;
import org.ncs.catalogue.InvalidCatalogueException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Our mapping of each element of an edition to the questions of the indices governments already report to (ITU
 * GCI pillars, Oxford CMM dimensions and factors, eGA NCSI capacities and indicators, ENISA NCAF objectives), read
 * from {@code crosswalk/<edition>.yaml} and checked at start-up against the edition. It is our suggestion, made by
 * subject matter, not the instruments' own correspondence, and says so wherever it is shown.
 */
@Component
public class Crosswalk {

  static final String LOCATION = "classpath*:crosswalk/*.yaml";
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .build();

  /** How closely an element answers a target: its main subject, or a part of it. */
  public enum Strength { PRIMARY, PARTIAL }

  /** How firmly a target's title is established: seen in the instrument's own text, or not yet checked. */
  public enum TitleConfidence { VERIFIED, RECALLED }

  /** One index with the questions (targets) the mapping uses. */
  public record Instrument(String id, String title, String version, List<Target> targets) {
    public Instrument {
      targets = targets == null ? List.of() : List.copyOf(targets);
    }
  }

  /** A pillar, dimension, factor, capacity, indicator or objective; a factor or indicator names its parent. */
  public record Target(String id, String kind, String parent, String title, TitleConfidence confidence) {
  }

  /** An element answers a target, with why. */
  public record Link(String target, Strength strength, String why) {
  }

  /** An edition's mapping: the instruments and, per element id, its links (none when no index asks about it). */
  public record Mapping(String edition, String label, List<Instrument> instruments,
      Map<String, List<Link>> elements) {

    public Optional<Target> target(String id) {
      return instruments.stream().flatMap(instrument -> instrument.targets().stream())
          .filter(target -> target.id().equals(id)).findFirst();
    }

    public Optional<Instrument> instrumentOf(String targetId) {
      return instruments.stream().filter(instrument -> instrument.targets().stream()
          .anyMatch(target -> target.id().equals(targetId))).findFirst();
    }
  }

  private final Map<String, Mapping> byEdition;

  Crosswalk(Catalogue catalogue) {
    this.byEdition = load(catalogue);
  }

  /** The mapping of the edition, if there is one. */
  public Optional<Mapping> of(String edition) {
    return Optional.ofNullable(byEdition.get(edition));
  }

  private static Map<String, Mapping> load(Catalogue catalogue) {
    Map<String, Mapping> mappings = new HashMap<>();
    try {
      for (Resource file : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
        Mapping mapping;
        try (InputStream in = file.getInputStream()) {
          mapping = YAML.readValue(in, Mapping.class);
        } catch (IOException e) {
          throw new InvalidCatalogueException(file.getDescription(), List.of("cannot be read: " + e.getMessage()));
        }
        List<String> problems = problems(mapping, catalogue.edition(mapping.edition()).orElse(null));
        if (mappings.containsKey(mapping.edition())) {
          problems.add("a second mapping of edition " + mapping.edition());
        }
        if (!problems.isEmpty()) {
          throw new InvalidCatalogueException(file.getDescription(), problems);
        }
        mappings.put(mapping.edition(), mapping);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the crosswalk files", e);
    }
    return Map.copyOf(mappings);
  }

  /** What would make the mapping mislead: elements it misses or invents, targets undefined or defined twice. */
  static List<String> problems(Mapping mapping, Edition edition) {
    List<String> problems = new ArrayList<>();
    if (edition == null) {
      problems.add("edition " + mapping.edition() + " is not in the catalogue");
      return problems;
    }
    Map<String, Target> targets = new LinkedHashMap<>();
    for (Instrument instrument : mapping.instruments()) {
      for (Target target : instrument.targets()) {
        if (targets.putIfAbsent(target.id(), target) != null) {
          problems.add("target " + target.id() + " is defined twice");
        }
        if (target.title() == null || target.title().isBlank() || target.confidence() == null) {
          problems.add("target " + target.id() + " needs a title and a confidence");
        }
      }
    }
    targets.values().stream().filter(target -> target.parent() != null && !targets.containsKey(target.parent()))
        .forEach(target -> problems.add("target " + target.id() + " has an unknown parent " + target.parent()));
    Set<String> known = new HashSet<>();
    edition.elements().map(Element::id).forEach(known::add);
    known.stream().filter(id -> !mapping.elements().containsKey(id)).sorted()
        .forEach(id -> problems.add("element " + id + " is not mapped (give it an empty list if no index asks)"));
    mapping.elements().forEach((element, links) -> {
      if (!known.contains(element)) {
        problems.add("element " + element + " is not in edition " + edition.key());
      }
      for (Link link : links == null ? List.<Link>of() : links) {
        if (!targets.containsKey(link.target())) {
          problems.add("element " + element + " maps to an undefined target " + link.target());
        }
        if (link.strength() == null) {
          problems.add("element " + element + " maps to " + link.target() + " without a strength");
        }
      }
    });
    return problems;
  }
}
