package org.ncs.benchmark;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.ncs.persistence.AssignedIdEntity;

/**
 * An element's ratings in one assessment: coverage and implementation, or not applicable (with its reason as the
 * rationale); who set them, when, why, and the evidence items that support them.
 */
@Entity
@Table(name = "rating")
class Rating extends AssignedIdEntity {

  @Id
  private String id;

  @Column(name = "assessment_id", nullable = false, length = 36)
  private String assessmentId;

  @Column(name = "element_id", nullable = false, length = 16)
  private String elementId;

  private Integer coverage;

  private Integer implementation;

  @Column(name = "not_applicable", nullable = false)
  private boolean notApplicable;

  @Column(length = 4000)
  private String rationale;

  @Column(name = "set_by", nullable = false)
  private String setBy;

  @Column(name = "set_at", nullable = false)
  private Instant setAt;

  @ElementCollection
  @CollectionTable(name = "rating_evidence", joinColumns = @JoinColumn(name = "rating_id"))
  @Column(name = "evidence_id", length = 36)
  private Set<String> evidence = new HashSet<>();

  protected Rating() {
  }

  Rating(String assessmentId, String elementId) {
    this.id = UUID.randomUUID().toString();
    this.assessmentId = assessmentId;
    this.elementId = elementId;
  }

  void set(Integer coverage, Integer implementation, boolean notApplicable, String rationale, Set<String> evidence,
      String by, Instant at) {
    this.coverage = notApplicable ? null : coverage;
    this.implementation = notApplicable ? null : implementation;
    this.notApplicable = notApplicable;
    this.rationale = rationale;
    this.evidence.clear();
    this.evidence.addAll(evidence);
    this.setBy = by;
    this.setAt = at;
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

  Integer coverage() {
    return coverage;
  }

  Integer implementation() {
    return implementation;
  }

  boolean notApplicable() {
    return notApplicable;
  }

  String rationale() {
    return rationale;
  }

  String setBy() {
    return setBy;
  }

  Instant setAt() {
    return setAt;
  }

  Set<String> evidence() {
    return Set.copyOf(evidence);
  }
}
