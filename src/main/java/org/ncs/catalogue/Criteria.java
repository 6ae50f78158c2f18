package org.ncs.catalogue;

import java.util.Map;
import java.util.TreeMap;

/**
 * What must be true of an element to reach each level above 0 of each scale: so the next level's requirement is
 * always spelled out.
 */
public record Criteria(Map<Integer, String> coverage, Map<Integer, String> implementation) {

  public Criteria {
    coverage = coverage == null ? Map.of() : new TreeMap<>(coverage);
    implementation = implementation == null ? Map.of() : new TreeMap<>(implementation);
  }

  public Map<Integer, String> of(Scale scale) {
    return scale == Scale.COVERAGE ? coverage : implementation;
  }
}
