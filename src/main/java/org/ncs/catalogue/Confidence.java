package org.ncs.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** How firmly a catalogue item's number and title are established against the text of its edition. */
public enum Confidence {
  /** Number and title seen in a copy of the edition's text. */
  VERIFIED,
  /** The text confirms the number or the subject, not the exact heading. */
  PARTLY_VERIFIED,
  /** A secondary source that summarises the guide supports it. */
  CORROBORATED,
  /** Not yet checked against the text. */
  RECALLED;

  @JsonValue
  public String code() {
    return name().toLowerCase().replace('_', '-');
  }

  @JsonCreator
  static Confidence fromCode(String code) {
    return Arrays.stream(values())
        .filter(c -> c.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown confidence '" + code + "', expected one of " + Arrays.stream(values()).map(Confidence::code).toList()));
  }
}
