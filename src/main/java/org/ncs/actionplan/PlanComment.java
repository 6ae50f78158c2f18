package org.ncs.actionplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.ncs.persistence.AssignedIdEntity;

/** A reviewer's comment on a version of the action plan: on one of its initiatives, or on the plan as a whole. */
@Entity
@Table(name = "action_plan_comment")
class PlanComment extends AssignedIdEntity {

  @Id
  private String id;

  @Column(name = "version_id", nullable = false, length = 36)
  private String versionId;

  /** Empty for a comment on the plan as a whole. */
  @Column(name = "initiative_id", length = 36)
  private String initiativeId;

  @Column(nullable = false, length = 4000)
  private String body;

  @Column(nullable = false)
  private String author;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected PlanComment() {
  }

  PlanComment(String versionId, String initiativeId, String body, String author, Instant createdAt) {
    this.id = UUID.randomUUID().toString();
    this.versionId = versionId;
    this.initiativeId = initiativeId;
    this.body = body;
    this.author = author;
    this.createdAt = createdAt;
  }

  @Override
  public String getId() {
    return id;
  }

  String versionId() {
    return versionId;
  }

  String initiativeId() {
    return initiativeId;
  }

  String body() {
    return body;
  }

  String author() {
    return author;
  }

  Instant createdAt() {
    return createdAt;
  }
}
