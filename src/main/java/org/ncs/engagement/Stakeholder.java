package org.ncs.engagement;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.ncs.persistence.AssignedIdEntity;

/**
 * An organisation of the stakeholder registry of an engagement, with the people who answer for it: a draft
 * released to its category gives them the category's feedback task.
 */
@Entity
@Table(name = "stakeholder")
class Stakeholder extends AssignedIdEntity {

  @Id
  private String id;

  @Column(name = "engagement_id", nullable = false, length = 36)
  private String engagementId;

  @Column(nullable = false, length = 200)
  private String organisation;

  @Column(nullable = false, length = 32)
  private String category;

  @Column(name = "contact_name", length = 200)
  private String contactName;

  @Column(name = "contact_email", length = 254)
  private String contactEmail;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  // read for a page of organisations at once
  @ElementCollection
  @CollectionTable(name = "stakeholder_person", joinColumns = @JoinColumn(name = "stakeholder_id"))
  @Column(name = "user_id")
  @BatchSize(size = 100)
  private Set<String> people = new TreeSet<>();

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  protected Stakeholder() {
  }

  @Override
  public String getId() {
    return id;
  }

  Stakeholder(String engagementId, String organisation, String category, String contactName, String contactEmail,
      String createdBy, Instant createdAt) {
    this.id = UUID.randomUUID().toString();
    this.engagementId = engagementId;
    this.organisation = organisation;
    this.category = category;
    this.contactName = contactName;
    this.contactEmail = contactEmail;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  String id() {
    return id;
  }

  String organisation() {
    return organisation;
  }

  String category() {
    return category;
  }

  String contactName() {
    return contactName;
  }

  String contactEmail() {
    return contactEmail;
  }

  Instant createdAt() {
    return createdAt;
  }

  String engagementId() {
    return engagementId;
  }

  Set<String> people() {
    return new TreeSet<>(people);
  }

  boolean addPerson(String userId) {
    return people.add(userId);
  }

  boolean removePerson(String userId) {
    return people.remove(userId);
  }
}
