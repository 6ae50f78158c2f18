package org.ncs.catalogue;

import static org.ncs.catalogue.Lists.orEmpty;

import java.util.List;

/** A good-practice element of a focus area: something a strategy should contain. */
public record Element(
    String id,
    String number,
    String title,
    Integer page,
    Confidence confidence,
    List<String> principles,
    String summary) {

  public Element {
    principles = orEmpty(principles);
  }
}
