package org.ncs.catalogue;

import static org.ncs.catalogue.Lists.orEmpty;

import java.math.BigDecimal;
import java.util.List;

/** A focus area of the guide's good practice with its elements; its weight counts in the overall index. */
public record FocusArea(
    String id,
    String number,
    String title,
    Integer page,
    Confidence confidence,
    String summary,
    BigDecimal weight,
    List<Element> elements) {

  public FocusArea {
    weight = weight == null ? BigDecimal.ONE : weight;
    elements = orEmpty(elements);
  }
}
