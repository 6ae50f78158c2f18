package org.ncs.lifecycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.ncs.persistence.AssignedIdEntity;

/** What one completed task produced: its form's fields as submitted, as JSON, with who completed it and when. */
@Entity
@Table(name = "task_outcome")
class TaskOutcome extends AssignedIdEntity {

  @Id
  private String id;

  @Column(name = "tenant_id", length = 3)
  private String tenantId;

  @Column(name = "engagement_id", length = 64)
  private String engagementId;

  @Column(name = "process_instance_id", nullable = false, length = 64)
  private String processInstanceId;

  @Column(name = "task_id", nullable = false, unique = true, length = 64)
  private String taskId;

  @Column(name = "activity_id", nullable = false)
  private String activityId;

  @Column(name = "task_name")
  private String taskName;

  @Column(name = "step_id", length = 16)
  private String stepId;

  @Column(nullable = false, length = 16)
  private String kind;

  @Column(name = "completed_by")
  private String completedBy;

  @Column(name = "completed_at", nullable = false)
  private Instant completedAt;

  @Column(nullable = false, length = 32000)
  private String outcome;

  @Column(length = 4000)
  private String reasons;

  protected TaskOutcome() {
  }

  @Override
  public String getId() {
    return id;
  }

  TaskOutcome(String tenantId, String engagementId, String processInstanceId, String taskId, String activityId,
      String taskName, String stepId, String kind, String completedBy, Instant completedAt, String outcome,
      String reasons) {
    this.id = UUID.randomUUID().toString();
    this.tenantId = tenantId;
    this.engagementId = engagementId;
    this.processInstanceId = processInstanceId;
    this.taskId = taskId;
    this.activityId = activityId;
    this.taskName = taskName;
    this.stepId = stepId;
    this.kind = kind;
    this.completedBy = completedBy;
    this.completedAt = completedAt;
    this.outcome = outcome;
    this.reasons = reasons == null || reasons.length() <= 4000 ? reasons : reasons.substring(0, 3999) + "…";
  }

  /** Why this decision sent work back, if it did and said so. */
  String reasons() {
    return reasons;
  }

  String taskId() {
    return taskId;
  }

  String activityId() {
    return activityId;
  }

  /** The task's name as its assignee saw it; empty for outcomes recorded before names were kept. */
  String taskName() {
    return taskName;
  }

  String stepId() {
    return stepId;
  }

  String kind() {
    return kind;
  }

  String completedBy() {
    return completedBy;
  }

  Instant completedAt() {
    return completedAt;
  }

  /** The submitted fields as a JSON object. */
  String outcome() {
    return outcome;
  }
}
