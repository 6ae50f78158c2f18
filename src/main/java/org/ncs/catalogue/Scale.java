package org.ncs.catalogue;

/**
 * The two scales every element is rated on: how fully the strategy text addresses it ({@link #COVERAGE}, 0–3)
 * and how far the country has done it ({@link #IMPLEMENTATION}, 0 and the five maturity stages).
 */
public enum Scale {
  COVERAGE,
  IMPLEMENTATION;

  /** The key the edition file uses. */
  public String key() {
    return name().toLowerCase();
  }
}
