package org.ncs.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.ncs.persistence.AssignedIdEntity;

/** A file an engagement's work produced: what it is, read from its content, and who brought it when. */
@Entity
@Table(name = "stored_file")
class StoredFile extends AssignedIdEntity {

  @Id
  private String id;

  @Column(name = "engagement_id", nullable = false, length = 36)
  private String engagementId;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(name = "media_type", nullable = false, length = 100)
  private String mediaType;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "task_id", length = 64)
  private String taskId;

  @Column(name = "uploaded_by", nullable = false)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  protected StoredFile() {
  }

  StoredFile(String engagementId, String fileName, String mediaType, long size, String sha256, String taskId,
      String uploadedBy, Instant uploadedAt) {
    this.id = UUID.randomUUID().toString();
    this.engagementId = engagementId;
    this.fileName = fileName;
    this.mediaType = mediaType;
    this.size = size;
    this.sha256 = sha256;
    this.taskId = taskId;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }

  @Override
  public String getId() {
    return id;
  }

  String engagementId() {
    return engagementId;
  }

  String fileName() {
    return fileName;
  }

  String mediaType() {
    return mediaType;
  }

  long size() {
    return size;
  }

  String sha256() {
    return sha256;
  }

  String taskId() {
    return taskId;
  }

  String uploadedBy() {
    return uploadedBy;
  }

  Instant uploadedAt() {
    return uploadedAt;
  }
}
