package org.ncs.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.ncs.persistence.AssignedIdEntity;

/** One change of state: who did what, when, in which engagement, with the before and after where it matters. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends AssignedIdEntity {

  @Id
  private String id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false)
  private String actor;

  @Column(name = "tenant_id", length = 3)
  private String tenantId;

  @Column(name = "engagement_id", length = 64)
  private String engagementId;

  @Column(nullable = false, length = 64)
  private String action;

  @Column(length = 255)
  private String subject;

  @Column(length = 32000)
  private String details;

  protected AuditEvent() {
  }

  @Override
  public String getId() {
    return id;
  }

  AuditEvent(Instant occurredAt, String actor, String tenantId, String engagementId, String action, String subject,
      String details) {
    this.id = UUID.randomUUID().toString();
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.tenantId = tenantId;
    this.engagementId = engagementId;
    this.action = action;
    this.subject = subject;
    this.details = details;
  }

  public String id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String actor() {
    return actor;
  }

  public String tenantId() {
    return tenantId;
  }

  public String engagementId() {
    return engagementId;
  }

  public String action() {
    return action;
  }

  public String subject() {
    return subject;
  }

  /** JSON object with what changed, e.g. {@code {"before": ..., "after": ...}}; may be null. */
  public String details() {
    return details;
  }
}
