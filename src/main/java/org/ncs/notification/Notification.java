package org.ncs.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.ncs.persistence.AssignedIdEntity;

/** A message owed to a user or to everyone in a group; {@code sentAt} stays empty until it has been delivered. */
@Entity
@Table(name = "notification")
public class Notification extends AssignedIdEntity {

  @Id
  private String id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private NotificationKind kind;

  @Column(name = "tenant_id", length = 3)
  private String tenantId;

  @Column(name = "engagement_id", length = 64)
  private String engagementId;

  @Column(name = "process_instance_id", length = 64)
  private String processInstanceId;

  @Column(name = "task_id", length = 64)
  private String taskId;

  @Column(name = "recipient_user")
  private String recipientUser;

  @Column(name = "recipient_group", length = 64)
  private String recipientGroup;

  @Column(nullable = false, length = 500)
  private String subject;

  @Column(length = 4000)
  private String detail;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "dispatched_at")
  private Instant dispatchedAt;

  protected Notification() {
  }

  @Override
  public String getId() {
    return id;
  }

  Notification(NotificationRequest request, Instant createdAt) {
    this.id = UUID.randomUUID().toString();
    this.kind = request.kind();
    this.tenantId = request.tenantId();
    this.engagementId = request.engagementId();
    this.processInstanceId = request.processInstanceId();
    this.taskId = request.taskId();
    this.recipientUser = request.recipientUser();
    this.recipientGroup = request.recipientGroup();
    this.subject = request.subject().length() > 500 ? request.subject().substring(0, 500) : request.subject();
    this.detail = request.detail() == null || request.detail().length() <= 4000 ? request.detail()
        : request.detail().substring(0, 3999) + "…";
    this.createdAt = createdAt;
  }

  public NotificationKind kind() {
    return kind;
  }

  public String tenantId() {
    return tenantId;
  }

  public String engagementId() {
    return engagementId;
  }

  public String taskId() {
    return taskId;
  }

  public String recipientUser() {
    return recipientUser;
  }

  public String recipientGroup() {
    return recipientGroup;
  }

  public String subject() {
    return subject;
  }

  /** The reasons work was sent back for; null if none. */
  public String detail() {
    return detail;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant sentAt() {
    return sentAt;
  }

  public String processInstanceId() {
    return processInstanceId;
  }
}
