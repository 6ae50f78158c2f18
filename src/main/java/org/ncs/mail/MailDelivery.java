package org.ncs.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.ncs.persistence.AssignedIdEntity;

/** One email of a notification to one person, and how its sending went. */
@Entity
@Table(name = "mail_delivery")
class MailDelivery extends AssignedIdEntity {

  enum State {
    PENDING,
    SENT,
    /** Failed too often: an administrator looks into it. */
    DEAD,
    /** Not sent: the person chose the bell only (or unsubscribed) while it waited. */
    SKIPPED
  }

  @Id
  private String id;

  @Column(name = "notification_id", nullable = false, length = 36)
  private String notificationId;

  @Column(name = "user_id", nullable = false)
  private String userId;

  @Column(nullable = false, length = 254)
  private String email;

  @Column(nullable = false, length = 8)
  private String language;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private State state;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "claimed_by", length = 64)
  private String claimedBy;

  @Column(name = "claimed_until")
  private Instant claimedUntil;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "last_error", length = 1000)
  private String lastError;

  /** Waits for the person's daily digest rather than going out on its own. */
  @Column(nullable = false)
  private boolean digest;

  @Column(name = "unsubscribed_at")
  private Instant unsubscribedAt;

  protected MailDelivery() {
  }

  /**
   * @param digest whether it waits for the person's daily digest
   * @param due when it goes out: now, or at the digest's hour
   */
  MailDelivery(String notificationId, String userId, String email, String language, boolean digest, Instant due) {
    this.id = UUID.randomUUID().toString();
    this.notificationId = notificationId;
    this.userId = userId;
    this.email = email;
    this.language = language;
    this.state = State.PENDING;
    this.digest = digest;
    this.nextAttemptAt = due;
  }

  @Override
  public String getId() {
    return id;
  }

  String notificationId() {
    return notificationId;
  }

  String userId() {
    return userId;
  }

  String email() {
    return email;
  }

  String language() {
    return language;
  }

  State state() {
    return state;
  }

  int attempts() {
    return attempts;
  }

  Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  String lastError() {
    return lastError;
  }

  boolean digest() {
    return digest;
  }

  Instant unsubscribedAt() {
    return unsubscribedAt;
  }
}
