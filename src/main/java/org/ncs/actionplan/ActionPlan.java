package org.ncs.actionplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.ncs.persistence.AssignedIdEntity;

/** An engagement's action plan for one strategy cycle; made when its first initiative is. */
@Entity
@Table(name = "action_plan")
class ActionPlan extends AssignedIdEntity {

  @Id
  private String id;

  @Column(name = "engagement_id", nullable = false, length = 36)
  private String engagementId;

  @Column(name = "tenant_id", nullable = false, length = 3)
  private String tenantId;

  @Column(nullable = false)
  private int cycle;

  @Column(nullable = false)
  private int numbered;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version
  private long version;

  protected ActionPlan() {
  }

  ActionPlan(String engagementId, String tenantId, int cycle, String createdBy, Instant createdAt) {
    this.id = UUID.randomUUID().toString();
    this.engagementId = engagementId;
    this.tenantId = tenantId;
    this.cycle = cycle;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  @Override
  public String getId() {
    return id;
  }

  /**
   * The next initiative's number. Taking one changes the plan, so two initiatives added at once clash on its
   * version (409, send again) rather than share a number.
   */
  int nextNumber() {
    return ++numbered;
  }

  String engagementId() {
    return engagementId;
  }

  int cycle() {
    return cycle;
  }
}
