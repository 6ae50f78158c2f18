package org.ncs.mail;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MailDeliveryRepository extends JpaRepository<MailDelivery, String> {

  /** Deliveries due now, oldest first. */
  @Query("select d.id from MailDelivery d where d.state = 'PENDING' and d.nextAttemptAt <= ?1"
      + " and (d.claimedUntil is null or d.claimedUntil < ?1) order by d.nextAttemptAt")
  List<String> due(Instant now, Pageable page);

  /**
   * Takes a due delivery for a while: 1 if this node did, 0 if another was first. A node that dies while sending
   * loses the lease when it runs out, and another node sends it then.
   */
  @Modifying
  @Query("update MailDelivery d set d.claimedBy = ?2, d.claimedUntil = ?4 where d.id = ?1 and d.state = 'PENDING'"
      + " and (d.claimedUntil is null or d.claimedUntil < ?3)")
  int claim(String id, String node, Instant now, Instant until);

  @Modifying
  @Query("update MailDelivery d set d.state = 'SENT', d.sentAt = ?2, d.attempts = d.attempts + 1,"
      + " d.claimedBy = null, d.claimedUntil = null, d.lastError = null where d.id = ?1")
  int sent(String id, Instant at);

  @Modifying
  @Query("update MailDelivery d set d.state = ?2, d.attempts = d.attempts + 1, d.nextAttemptAt = ?3,"
      + " d.lastError = ?4, d.claimedBy = null, d.claimedUntil = null where d.id = ?1")
  int failed(String id, MailDelivery.State state, Instant next, String error);

  List<MailDelivery> findTop100ByStateOrderByNextAttemptAt(MailDelivery.State state);

  List<MailDelivery> findByNotificationId(String notificationId);
}
