package org.ncs.mail;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MailDeliveryRepository extends JpaRepository<MailDelivery, String> {

  /** Deliveries due now, oldest first. */
  @Query("select d from MailDelivery d where d.state = 'PENDING' and d.nextAttemptAt <= ?1"
      + " and (d.claimedUntil is null or d.claimedUntil < ?1) order by d.nextAttemptAt")
  List<MailDelivery> due(Instant now, Pageable page);

  /**
   * Takes a due delivery for a while: 1 if this node did, 0 if another was first. A node that dies while sending
   * loses the lease when it runs out, and another node sends it then.
   */
  @Modifying
  @Query("update MailDelivery d set d.claimedBy = ?2, d.claimedUntil = ?4 where d.id = ?1 and d.state = 'PENDING'"
      + " and d.digest = false and d.nextAttemptAt <= ?3 and (d.claimedUntil is null or d.claimedUntil < ?3)")
  int claim(String id, String claim, Instant now, Instant until);

  /** Takes all of a person's due digest deliveries for one email, as {@link #claim} takes one delivery. */
  @Modifying
  @Query("update MailDelivery d set d.claimedBy = ?2, d.claimedUntil = ?4 where d.userId = ?1 and d.digest = true"
      + " and d.state = 'PENDING' and d.nextAttemptAt <= ?3 and (d.claimedUntil is null or d.claimedUntil < ?3)")
  int claimDigest(String userId, String claim, Instant now, Instant until);

  List<MailDelivery> findByClaimedByAndStateOrderByNextAttemptAt(String claim, MailDelivery.State state);

  @Modifying
  @Query("update MailDelivery d set d.state = 'SENT', d.sentAt = ?2, d.attempts = d.attempts + 1,"
      + " d.claimedBy = null, d.claimedUntil = null, d.lastError = null where d.id = ?1")
  int sent(String id, Instant at);

  @Modifying
  @Query("update MailDelivery d set d.state = ?2, d.attempts = d.attempts + 1, d.nextAttemptAt = ?3,"
      + " d.lastError = ?4, d.claimedBy = null, d.claimedUntil = null where d.id = ?1")
  int failed(String id, MailDelivery.State state, Instant next, String error);

  /** The person wants no more email: what waits for them is not sent. */
  @Modifying
  @Query("update MailDelivery d set d.state = 'SKIPPED' where d.userId = ?1 and d.state = 'PENDING'")
  int skipWaiting(String userId);

  /** The person's waiting digest goes out at another time, or at once and one by one. */
  @Modifying
  @Query("update MailDelivery d set d.digest = ?2, d.nextAttemptAt = ?3 where d.userId = ?1 and d.state = 'PENDING'"
      + " and d.digest = true")
  int reschedule(String userId, boolean digest, Instant next);

  /** Uses an email's unsubscribe link: 1 the first time, 0 ever after. */
  @Modifying
  @Query("update MailDelivery d set d.unsubscribedAt = ?2 where d.id = ?1 and d.unsubscribedAt is null")
  int unsubscribed(String id, Instant at);

  List<MailDelivery> findTop100ByStateOrderByNextAttemptAt(MailDelivery.State state);

  List<MailDelivery> findByNotificationId(String notificationId);
}
