package org.ncs.catalogue;

import static org.ncs.catalogue.Lists.orEmpty;

import java.util.List;

/** A focus area of the guide's good practice with its elements. */
public record FocusArea(
    String id,
    String number,
    String title,
    Integer page,
    Confidence confidence,
    String summary,
    List<Element> elements) {

  public FocusArea {
    elements = orEmpty(elements);
  }
}
