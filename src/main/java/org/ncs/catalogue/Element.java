package org.ncs.catalogue;

import static org.ncs.catalogue.Lists.orEmpty;

import java.math.BigDecimal;
import java.util.List;

/**
 * A good-practice element of a focus area: something a strategy should contain. Its weight counts in its focus
 * area's score (default 1); its criteria say what each level of each scale asks of it.
 */
public record Element(
    String id,
    String number,
    String title,
    Integer page,
    Confidence confidence,
    List<String> principles,
    String summary,
    BigDecimal weight,
    Criteria criteria) {

  public Element {
    principles = orEmpty(principles);
    weight = weight == null ? BigDecimal.ONE : weight;
    criteria = criteria == null ? new Criteria(null, null) : criteria;
  }
}
