package org.ncs.actionplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.ncs.actionplan.ActionPlanViews.Decision;
import org.ncs.actionplan.ActionPlanViews.Reviewer;
import org.ncs.persistence.AssignedIdEntity;

/**
 * A version of an action plan: its initiatives as they were when the plan was submitted for review (JSON in the
 * API's shape), and the decision on it. Frozen once submitted; decided once.
 */
@Entity
@Table(name = "action_plan_version")
class PlanVersion extends AssignedIdEntity {

  @Id
  private String id;

  @Column(name = "plan_id", nullable = false, length = 36)
  private String planId;

  @Column(name = "engagement_id", nullable = false, length = 36)
  private String engagementId;

  @Column(name = "tenant_id", nullable = false, length = 3)
  private String tenantId;

  @Column(nullable = false)
  private int number;

  @Column(nullable = false)
  private String initiatives;

  @Column(name = "submitted_by", nullable = false)
  private String submittedBy;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  @Enumerated(EnumType.STRING)
  private Reviewer reviewer;

  @Enumerated(EnumType.STRING)
  private Decision decision;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  protected PlanVersion() {
  }

  PlanVersion(ActionPlan plan, String tenantId, int number, String initiatives, String submittedBy,
      Instant submittedAt) {
    this.id = UUID.randomUUID().toString();
    this.planId = plan.getId();
    this.engagementId = plan.engagementId();
    this.tenantId = tenantId;
    this.number = number;
    this.initiatives = initiatives;
    this.submittedBy = submittedBy;
    this.submittedAt = submittedAt;
  }

  @Override
  public String getId() {
    return id;
  }

  /** The review it waits for: a partner joining or leaving while it waits hands it to the other reviewer. */
  void reviewBy(Reviewer reviewer) {
    this.reviewer = reviewer;
  }

  void decide(Decision decision, String by, Instant at) {
    this.decision = decision;
    this.decidedBy = by;
    this.decidedAt = at;
  }

  String tenantId() {
    return tenantId;
  }

  int number() {
    return number;
  }

  String initiatives() {
    return initiatives;
  }

  String submittedBy() {
    return submittedBy;
  }

  Instant submittedAt() {
    return submittedAt;
  }

  Reviewer reviewer() {
    return reviewer;
  }

  Decision decision() {
    return decision;
  }

  String decidedBy() {
    return decidedBy;
  }

  Instant decidedAt() {
    return decidedAt;
  }
}
