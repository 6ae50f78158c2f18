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
  MENTION,
  /** A country's team submitted an assessment: the ITU officers of the country are to validate it. */
  TO_VALIDATE,
  /** An ITU officer returned an assessment, with reasons: the one who submitted it is told. */
  ASSESSMENT_BACK
}
