package org.ncs.catalogue;

import static org.ncs.catalogue.Lists.orEmpty;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One edition of the guide as reference data: its lifecycle (phases and steps), principles and good practice
 * (focus areas and elements). {@code key} identifies the edition (e.g. {@code 2021}); {@code revision} changes
 * whenever the edition's data changes, so results can say which revision they were made against.
 */
public record Edition(
    String key,
    String title,
    String subtitle,
    String label,
    int year,
    String publisher,
    String licence,
    String scope,
    String revision,
    Scales scales,
    List<Role> roles,
    List<Phase> phases,
    List<Principle> principles,
    List<FocusArea> focusAreas) {

  public Edition {
    roles = orEmpty(roles);
    phases = orEmpty(phases);
    principles = orEmpty(principles);
    focusAreas = orEmpty(focusAreas);
    scales = scales == null ? new Scales(null, null) : scales;
  }

  @JsonIgnore
  public Stream<Step> steps() {
    return phases.stream().flatMap(phase -> phase.steps().stream());
  }

  @JsonIgnore
  public Stream<Element> elements() {
    return focusAreas.stream().flatMap(area -> area.elements().stream());
  }

  public Optional<Phase> phase(String id) {
    return phases.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public Optional<Step> step(String id) {
    return steps().filter(s -> s.id().equals(id)).findFirst();
  }

  /** The phase a step belongs to. */
  public Optional<Phase> phaseOf(String stepId) {
    return phases.stream().filter(p -> p.steps().stream().anyMatch(s -> s.id().equals(stepId))).findFirst();
  }

  public Optional<FocusArea> focusArea(String id) {
    return focusAreas.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  public Optional<Element> element(String id) {
    return elements().filter(e -> e.id().equals(id)).findFirst();
  }

  /** The focus area an element belongs to. */
  public Optional<FocusArea> focusAreaOf(String elementId) {
    return focusAreas.stream()
        .filter(a -> a.elements().stream().anyMatch(e -> e.id().equals(elementId)))
        .findFirst();
  }

  Edition withDerivedFields(String revision) {
    List<Phase> ordered = Stream.iterate(0, i -> i < phases.size(), i -> i + 1)
        .map(i -> phases.get(i).withOrdinal(i + 1))
        .toList();
    return new Edition(key, title, subtitle, label, year, publisher, licence, scope, revision, scales, roles,
        ordered, principles, focusAreas);
  }
}
