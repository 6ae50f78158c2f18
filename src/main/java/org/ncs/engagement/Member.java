package org.ncs.engagement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.ncs.persistence.AssignedIdEntity;

/** A user's role in an engagement. */
@Entity
@Table(name = "engagement_member")
class Member extends AssignedIdEntity {

  @Id
  private String id;

  @Column(name = "engagement_id", nullable = false, length = 36)
  private String engagementId;

  @Column(name = "user_id", nullable = false)
  private String userId;

  @Column(nullable = false, length = 32)
  private String role;

  @Column(name = "added_at", nullable = false)
  private Instant addedAt;

  @Column(name = "added_by", nullable = false)
  private String addedBy;

  protected Member() {
  }

  @Override
  public String getId() {
    return id;
  }

  Member(String engagementId, String userId, String role, String addedBy, Instant addedAt) {
    this.id = UUID.randomUUID().toString();
    this.engagementId = engagementId;
    this.userId = userId;
    this.role = role;
    this.addedAt = addedAt;
    this.addedBy = addedBy;
  }

  String id() {
    return id;
  }

  String engagementId() {
    return engagementId;
  }

  String userId() {
    return userId;
  }

  String role() {
    return role;
  }

  Instant addedAt() {
    return addedAt;
  }

  String addedBy() {
    return addedBy;
  }
}
