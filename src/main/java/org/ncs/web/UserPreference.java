package org.ncs.web;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.ncs.persistence.AssignedIdEntity;

/** What a person chose for themselves: the language of the interface. */
@Entity
@Table(name = "user_preference")
class UserPreference extends AssignedIdEntity {

  @Id
  @Column(name = "user_id", length = 64)
  private String userId;

  @Column(nullable = false, length = 8)
  private String language;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected UserPreference() {
  }

  UserPreference(String userId) {
    this.userId = userId;
  }

  @Override
  public String getId() {
    return userId;
  }

  String language() {
    return language;
  }

  void choose(String language, Instant at) {
    this.language = language;
    this.updatedAt = at;
  }
}
