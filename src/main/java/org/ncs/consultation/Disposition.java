package org.ncs.consultation;

/** How the drafting team handled a comment. */
public enum Disposition {
  ACCEPTED,
  PARTLY_ACCEPTED,
  REJECTED,
  NOTED;

  /** Whether the next draft takes the comment up, and so answers it. */
  boolean takenUp() {
    return this == ACCEPTED || this == PARTLY_ACCEPTED;
  }
}
