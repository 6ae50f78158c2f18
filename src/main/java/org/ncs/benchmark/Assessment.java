package org.ncs.benchmark;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.ncs.persistence.AssignedIdEntity;

/**
 * A country rated against every element of a guide edition as of a date. Drafted and submitted by the country's
 * team; validated (then frozen) or returned with reasons by an ITU officer of the country. A validated assessment
 * is corrected by a new one that supersedes it once validated.
 */
@Entity
@Table(name = "assessment")
class Assessment extends AssignedIdEntity {

  enum State {
    DRAFT, SUBMITTED, RETURNED, VALIDATED;

    /** The country's team may still change its ratings. */
    boolean editable() {
      return this == DRAFT || this == RETURNED;
    }
  }

  @Id
  private String id;

  @Column(name = "engagement_id", nullable = false, length = 36)
  private String engagementId;

  @Column(name = "tenant_id", nullable = false, length = 3)
  private String tenantId;

  @Column(nullable = false, length = 32)
  private String edition;

  @Column(nullable = false, length = 64)
  private String revision;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private AssessmentKind kind;

  @Column(name = "as_of", nullable = false)
  private LocalDate asOf;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private State state;

  @Column(length = 36)
  private String supersedes;

  @Column(name = "superseded_by", length = 36)
  private String supersededBy;

  @Column(name = "return_reasons", length = 4000)
  private String returnReasons;

  /** The engagement's id while open, null once validated: unique, so an engagement has one open at a time. */
  @Column(name = "open_for", length = 36)
  private String openFor;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "submitted_by")
  private String submittedBy;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Version
  private long version;

  protected Assessment() {
  }

  Assessment(String engagementId, String tenantId, String edition, String revision, AssessmentKind kind,
      LocalDate asOf,
      String supersedes, String createdBy, Instant createdAt) {
    this.id = UUID.randomUUID().toString();
    this.engagementId = engagementId;
    this.tenantId = tenantId;
    this.edition = edition;
    this.revision = revision;
    this.kind = kind;
    this.asOf = asOf;
    this.state = State.DRAFT;
    this.openFor = engagementId;
    this.supersedes = supersedes;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  @Override
  public String getId() {
    return id;
  }

  void submit(String by, Instant at) {
    state = State.SUBMITTED;
    submittedBy = by;
    submittedAt = at;
  }

  void validate(String by, Instant at) {
    state = State.VALIDATED;
    openFor = null;
    decidedBy = by;
    decidedAt = at;
  }

  void returnWith(String reasons, String by, Instant at) {
    state = State.RETURNED;
    returnReasons = reasons;
    decidedBy = by;
    decidedAt = at;
  }

  void supersededBy(String correction) {
    supersededBy = correction;
  }

  String engagementId() {
    return engagementId;
  }

  String tenantId() {
    return tenantId;
  }

  String edition() {
    return edition;
  }

  String revision() {
    return revision;
  }

  AssessmentKind kind() {
    return kind;
  }

  LocalDate asOf() {
    return asOf;
  }

  State state() {
    return state;
  }

  String supersedes() {
    return supersedes;
  }

  String supersededBy() {
    return supersededBy;
  }

  String returnReasons() {
    return returnReasons;
  }

  String createdBy() {
    return createdBy;
  }

  Instant createdAt() {
    return createdAt;
  }

  String submittedBy() {
    return submittedBy;
  }

  Instant submittedAt() {
    return submittedAt;
  }

  String decidedBy() {
    return decidedBy;
  }

  Instant decidedAt() {
    return decidedAt;
  }
}
