package org.ncs.benchmark;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.ncs.persistence.AssignedIdEntity;

/** An item of an engagement's evidence register: recorded once, linked to every rating it supports. */
@Entity
@Table(name = "evidence")
class Evidence extends AssignedIdEntity {

  @Id
  private String id;

  @Column(name = "engagement_id", nullable = false, length = 36)
  private String engagementId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private EvidenceKind kind;

  @Column(nullable = false, length = 300)
  private String title;

  @Column(length = 2000)
  private String url;

  @Column(name = "file_id", length = 36)
  private String fileId;

  @Column(length = 500)
  private String reference;

  @Column(name = "issued_on")
  private LocalDate issuedOn;

  @Column(length = 200)
  private String owner;

  @Column(nullable = false)
  private boolean confidential;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Evidence() {
  }

  Evidence(String engagementId, EvidenceKind kind, String title, String url, String fileId, String reference,
      LocalDate issuedOn, String owner, boolean confidential, String createdBy, Instant createdAt) {
    this.id = UUID.randomUUID().toString();
    this.engagementId = engagementId;
    this.kind = kind;
    this.title = title;
    this.url = url;
    this.fileId = fileId;
    this.reference = reference;
    this.issuedOn = issuedOn;
    this.owner = owner;
    this.confidential = confidential;
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

  EvidenceKind kind() {
    return kind;
  }

  String title() {
    return title;
  }

  String url() {
    return url;
  }

  String fileId() {
    return fileId;
  }

  String reference() {
    return reference;
  }

  LocalDate issuedOn() {
    return issuedOn;
  }

  String owner() {
    return owner;
  }

  boolean confidential() {
    return confidential;
  }

  String createdBy() {
    return createdBy;
  }

  Instant createdAt() {
    return createdAt;
  }
}
