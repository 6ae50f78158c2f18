package org.ncs.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.ncs.persistence.AssignedIdEntity;

/**
 * A document of an engagement, such as the strategy draft: a kind and a title, and whether it is confidential; its
 * content is in its versions.
 */
@Entity
@Table(name = "document")
class Document extends AssignedIdEntity {

  @Id
  private String id;

  @Column(name = "engagement_id", nullable = false, length = 36)
  private String engagementId;

  @Column(nullable = false, length = 40)
  private String kind;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private boolean confidential;

  protected Document() {
  }

  Document(String engagementId, String kind, String title, boolean confidential, String createdBy,
      Instant createdAt) {
    this.confidential = confidential;
    this.id = UUID.randomUUID().toString();
    this.engagementId = engagementId;
    this.kind = kind;
    this.title = title;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  @Override
  public String getId() {
    return id;
  }

  String engagementId() {
    return engagementId;
  }

  String kind() {
    return kind;
  }

  String title() {
    return title;
  }

  String createdBy() {
    return createdBy;
  }

  Instant createdAt() {
    return createdAt;
  }

  /** Whether every download of its files is recorded in the audit trail. */
  boolean confidential() {
    return confidential;
  }
}
