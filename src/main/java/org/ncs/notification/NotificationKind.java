package org.ncs.notification;

/** Why someone is being told something. */
public enum NotificationKind {
  /** A task has reached its due date. */
  REMINDER,
  /** A task is overdue beyond its grace period; the ITU officer follows up. */
  ESCALATION
}
