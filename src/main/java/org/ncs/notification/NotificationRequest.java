package org.ncs.notification;

/**
 * What to tell whom about which task. Either {@code recipientUser} or {@code recipientGroup} is set: a task
 * that nobody has claimed yet is everyone's in its candidate group.
 */
public record NotificationRequest(
    NotificationKind kind,
    String tenantId,
    String engagementId,
    String processInstanceId,
    String taskId,
    String recipientUser,
    String recipientGroup,
    String subject) {
}
