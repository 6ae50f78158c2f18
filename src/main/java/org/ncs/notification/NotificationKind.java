package org.ncs.notification;

/** Why someone is being told something. */
public enum NotificationKind {
  /** A task waits for its assignee, its role or the people it names. */
  TASK_WAITING,
  /** A task has come back, a decision having sent the work back (or another round begun). */
  RETURNED,
  /** A task has reached its due date. */
  REMINDER,
  /** A task is overdue beyond its grace period; the ITU officer follows up. */
  ESCALATION,
  /** Someone wrote {@code @user} in a comment: the person named is asked to look. */
  MENTION
}
