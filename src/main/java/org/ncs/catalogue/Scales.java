package org.ncs.catalogue;

import static org.ncs.catalogue.Lists.orEmpty;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The levels of the edition's two rating scales, lowest first. */
public record Scales(List<ScaleLevel> coverage, List<ScaleLevel> implementation) {

  public Scales {
    coverage = orEmpty(coverage);
    implementation = orEmpty(implementation);
  }

  public List<ScaleLevel> of(Scale scale) {
    return scale == Scale.COVERAGE ? coverage : implementation;
  }

  /** The name of each level of the scale, by level. */
  public Map<Integer, String> names(Scale scale) {
    return of(scale).stream().collect(Collectors.toMap(ScaleLevel::level, ScaleLevel::name));
  }

  /** The highest level of the scale: what a rating is divided by to score 0–100. */
  public int top(Scale scale) {
    return of(scale).stream().mapToInt(ScaleLevel::level).max().orElse(0);
  }
}
