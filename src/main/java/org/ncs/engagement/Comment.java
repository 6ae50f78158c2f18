package org.ncs.engagement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.ncs.persistence.AssignedIdEntity;

/** A remark on an engagement, or on one of its tasks (a co-facilitator's review of the action plan, say). */
@Entity
@Table(name = "engagement_comment")
class Comment extends AssignedIdEntity {

  @Id
  private String id;

  @Column(name = "engagement_id", nullable = false, length = 36)
  private String engagementId;

  @Column(name = "task_id", length = 64)
  private String taskId;

  @Column(nullable = false)
  private String author;

  @Column(nullable = false, length = 4000)
  private String body;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Comment() {
  }

  @Override
  public String getId() {
    return id;
  }

  Comment(String engagementId, String taskId, String author, String body, Instant createdAt) {
    this.id = UUID.randomUUID().toString();
    this.engagementId = engagementId;
    this.taskId = taskId;
    this.author = author;
    this.body = body;
    this.createdAt = createdAt;
  }

  String id() {
    return id;
  }

  String taskId() {
    return taskId;
  }

  String author() {
    return author;
  }

  String body() {
    return body;
  }

  Instant createdAt() {
    return createdAt;
  }
}
