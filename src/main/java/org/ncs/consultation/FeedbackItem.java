package org.ncs.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.ncs.persistence.AssignedIdEntity;

/** One comment of a stakeholder group on a released draft, and how the drafting team handled it. */
@Entity
@Table(name = "feedback_item")
class FeedbackItem extends AssignedIdEntity {

  @Id
  private String id;

  @Column(name = "round_id", nullable = false, length = 36)
  private String roundId;

  @Column(name = "task_id", nullable = false, length = 64)
  private String taskId;

  @Column(name = "stakeholder_group", nullable = false, length = 32)
  private String group;

  @Column(length = 1000)
  private String organisation;

  @Column(length = 200)
  private String reference;

  @Column(nullable = false, length = 8000)
  private String body;

  @Column(name = "attachment_file_id", length = 36)
  private String attachmentFileId;

  @Column(nullable = false)
  private String author;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Enumerated(EnumType.STRING)
  @Column(length = 16)
  private Disposition disposition;

  @Column(name = "disposition_reason", length = 4000)
  private String reason;

  @Column(name = "dispositioned_by")
  private String dispositionedBy;

  @Column(name = "dispositioned_at")
  private Instant dispositionedAt;

  @Column(name = "answered_in", length = 36)
  private String answeredIn;

  @Version
  private long version;

  protected FeedbackItem() {
  }

  /**
   * @param reference the section or paragraph the comment is about; none for the draft as a whole
   */
  FeedbackItem(String roundId, String taskId, String group, String organisation, String reference, String body,
      String attachmentFileId, String author, Instant createdAt) {
    this.id = UUID.randomUUID().toString();
    this.roundId = roundId;
    this.taskId = taskId;
    this.group = group;
    this.organisation = organisation;
    this.reference = reference;
    this.body = body;
    this.attachmentFileId = attachmentFileId;
    this.author = author;
    this.createdAt = createdAt;
  }

  @Override
  public String getId() {
    return id;
  }

  void disposition(Disposition disposition, String reason, String by, Instant at) {
    this.disposition = disposition;
    this.reason = reason;
    this.dispositionedBy = by;
    this.dispositionedAt = at;
  }

  /** The group's feedback was sent: the comment is part of the record from now on. */
  void submitted(Instant at) {
    this.submittedAt = at;
  }

  boolean isSubmitted() {
    return submittedAt != null;
  }

  /** The later draft that takes the comment up. */
  void answeredIn(String roundId) {
    this.answeredIn = roundId;
  }

  String roundId() {
    return roundId;
  }

  String taskId() {
    return taskId;
  }

  String group() {
    return group;
  }

  String organisation() {
    return organisation;
  }

  String reference() {
    return reference;
  }

  String body() {
    return body;
  }

  String attachmentFileId() {
    return attachmentFileId;
  }

  String author() {
    return author;
  }

  Instant createdAt() {
    return createdAt;
  }

  Disposition disposition() {
    return disposition;
  }

  String reason() {
    return reason;
  }

  String dispositionedBy() {
    return dispositionedBy;
  }

  Instant dispositionedAt() {
    return dispositionedAt;
  }

  String answeredIn() {
    return answeredIn;
  }
}
