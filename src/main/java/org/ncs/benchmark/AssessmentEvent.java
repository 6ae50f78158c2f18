package org.ncs.benchmark;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.ncs.persistence.AssignedIdEntity;

/**
 * What happened to an assessment or one of its ratings: a rating as set (RATED, with its values), or the
 * assessment's SUBMITTED, RETURNED (with the reasons), VALIDATED, CORRECTED. {@code detail} is JSON.
 */
@Entity
@Table(name = "assessment_event")
class AssessmentEvent extends AssignedIdEntity {

  @Id
  private String id;

  @Column(name = "assessment_id", nullable = false, length = 36)
  private String assessmentId;

  @Column(name = "element_id", length = 16)
  private String elementId;

  @Column(nullable = false, length = 16)
  private String action;

  @Column(nullable = false, length = 8000)
  private String detail;

  @Column(nullable = false)
  private String actor;

  @Column(name = "happened_at", nullable = false)
  private Instant happenedAt;

  /** Given by the database: the order events happened in. */
  @Column(insertable = false, updatable = false)
  private Long seq;

  protected AssessmentEvent() {
  }

  AssessmentEvent(String assessmentId, String elementId, String action, String detail, String actor, Instant at) {
    this.id = UUID.randomUUID().toString();
    this.assessmentId = assessmentId;
    this.elementId = elementId;
    this.action = action;
    this.detail = detail;
    this.actor = actor;
    this.happenedAt = at;
  }

  @Override
  public String getId() {
    return id;
  }

  String assessmentId() {
    return assessmentId;
  }

  String elementId() {
    return elementId;
  }

  String action() {
    return action;
  }

  String detail() {
    return detail;
  }

  String actor() {
    return actor;
  }

  Instant happenedAt() {
    return happenedAt;
  }
}
