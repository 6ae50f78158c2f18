package org.ncs.catalogue;

import static org.ncs.catalogue.Lists.orEmpty;

import java.util.List;

/** A phase of the strategy lifecycle; {@code ordinal} is its place in the lifecycle, starting at 1. */
public record Phase(
    String id,
    int ordinal,
    String number,
    String title,
    Integer page,
    Confidence confidence,
    String summary,
    String outcome,
    List<Step> steps) {

  public Phase {
    steps = orEmpty(steps);
  }

  Phase withOrdinal(int ordinal) {
    return new Phase(id, ordinal, number, title, page, confidence, summary, outcome, steps);
  }
}
