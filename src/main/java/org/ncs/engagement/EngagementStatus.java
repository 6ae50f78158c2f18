package org.ncs.engagement;

public enum EngagementStatus {
  /** The lifecycle is running. */
  ACTIVE,
  /** The evaluation closed the engagement. */
  CLOSED
}
