package org.ncs.notification;

/**
 * What to tell whom about which task. Either {@code recipientUser} or {@code recipientGroup} is set: a task
 * that nobody has claimed yet is everyone's in its candidate group. {@code detail}, if any, is said with it: the
 * reasons work was sent back for (a mention says only where: the comment is read in the service).
 */
public record NotificationRequest(
    NotificationKind kind,
    String tenantId,
    String engagementId,
    String processInstanceId,
    String taskId,
    String recipientUser,
    String recipientGroup,
    String subject,
    String detail) {
}
