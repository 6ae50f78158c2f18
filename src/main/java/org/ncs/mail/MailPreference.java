package org.ncs.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.ncs.persistence.AssignedIdEntity;

/** How a person wants to hear of their notifications by email. Nobody has one until they choose. */
@Entity
@Table(name = "mail_preference")
class MailPreference extends AssignedIdEntity {

  /** When notifications reach the person by email. */
  enum Delivery {
    /** Each one at once. */
    IMMEDIATE,
    /** All of a day's in one email, at the person's hour in their time zone. */
    DAILY,
    /** Never by email: the bell in the pages only. */
    IN_APP
  }

  static final int DEFAULT_HOUR = 7;

  @Id
  @Column(name = "user_id")
  private String userId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Delivery delivery;

  @Column(name = "digest_hour", nullable = false)
  private int digestHour;

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected MailPreference() {
  }

  MailPreference(String userId) {
    this.userId = userId;
    this.delivery = Delivery.IMMEDIATE;
    this.digestHour = DEFAULT_HOUR;
    this.timeZone = "UTC";
  }

  @Override
  public String getId() {
    return userId;
  }

  Delivery delivery() {
    return delivery;
  }

  int digestHour() {
    return digestHour;
  }

  ZoneId timeZone() {
    return ZoneId.of(timeZone);
  }

  void choose(Delivery delivery, int digestHour, ZoneId timeZone, Instant at) {
    this.delivery = delivery;
    this.digestHour = digestHour;
    this.timeZone = timeZone.getId();
    this.updatedAt = at;
  }

  /** The next time the day's digest goes out, after {@code now}: the digest hour today, or else tomorrow. */
  Instant nextDigest(Instant now) {
    ZoneId zone = timeZone();
    LocalDate today = now.atZone(zone).toLocalDate();
    ZonedDateTime at = today.atTime(digestHour, 0).atZone(zone);
    return at.toInstant().isAfter(now) ? at.toInstant() : today.plusDays(1).atTime(digestHour, 0).atZone(zone)
        .toInstant();
  }
}
