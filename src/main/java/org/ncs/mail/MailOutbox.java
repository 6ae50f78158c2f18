package org.ncs.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.ncs.audit.AuditTrail;
import org.ncs.mail.MailPreference.Delivery;
import org.ncs.notification.Notification;
import org.ncs.notification.Notifications;
import org.ncs.web.LanguagePreferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the notification outbox by email, on every node at once without sending anything twice:
 *
 * <ol>
 *   <li><b>dispatch</b>: each notification not yet handed on is taken by exactly one node (a conditional update)
 *       and becomes one delivery per person it concerns — its assignee, or the members of its group <em>in the
 *       task's country</em>, never anyone of another country — in each person's language, due at once or at the
 *       hour of the person's daily digest, none for those who want the bell only;</li>
 *   <li><b>send</b>: each due delivery is leased by one node (a conditional update, so any database will do), sent,
 *       and marked sent; a person's daily digest is leased whole and sent as one email; a failure (the SMTP server away) is tried again later, after pauses that double, and after
 *       {@code ncs.mail.max-attempts} the delivery is dead, for an administrator to look into.</li>
 * </ol>
 *
 * Mail is off while {@code spring.mail.host} is unset: then nothing is dispatched and no delivery piles up.
 */
@Component
class MailOutbox {

  private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
  private static final int BATCH = 20;
  private static final Duration LONGEST_PAUSE = Duration.ofHours(6);

  private final Notifications notifications;
  private final MailDeliveryRepository deliveries;
  private final IdentityService identity;
  private final LanguagePreferences languages;
  private final MailMessages messages;
  private final ObjectProvider<JavaMailSender> mail;
  private final TransactionTemplate transaction;
  private final AuditTrail audit;
  private final Clock clock;
  private final int maxAttempts;
  private final Duration firstPause;
  private final Duration lease;
  private final MailPreferences preferences;

  MailOutbox(Notifications notifications, MailDeliveryRepository deliveries, ProcessEngine engine,
      LanguagePreferences languages, MailPreferences preferences, MailMessages messages, ObjectProvider<JavaMailSender> mail,
      TransactionTemplate transaction, AuditTrail audit, Clock clock,
      @Value("${ncs.mail.max-attempts:8}") int maxAttempts,
      @Value("${ncs.mail.first-retry:PT1M}") Duration firstPause,
      @Value("${ncs.mail.lease:PT2M}") Duration lease) {
    this.notifications = notifications;
    this.deliveries = deliveries;
    this.identity = engine.getIdentityService();
    this.languages = languages;
    this.preferences = preferences;
    this.messages = messages;
    this.mail = mail;
    this.transaction = transaction;
    this.audit = audit;
    this.clock = clock;
    this.maxAttempts = maxAttempts;
    this.firstPause = firstPause;
    this.lease = lease;
  }

  @Scheduled(initialDelayString = "${ncs.mail.poll-interval:PT15S}", fixedDelayString = "${ncs.mail.poll-interval:PT15S}")
  void poll() {
    if (mail.getIfAvailable() == null) {
      return;
    }
    try {
      dispatch();
      send();
    } catch (RuntimeException e) {
      // the database away, say: the next poll tries again
      log.warn("Mail delivery paused: {}", e.getMessage());
    }
  }

  /** Turns the notifications not yet handed on into deliveries; answers how many were made. */
  int dispatch() {
    int made = 0;
    for (Notification notification : notifications.undispatched()) {
      made += transaction.execute(status -> notifications.dispatch(notification.getId()) ? plan(notification) : 0);
    }
    return made;
  }

  /** One delivery per person who wants email: at once, or with their daily digest. */
  private int plan(Notification notification) {
    Instant now = clock.instant();
    List<User> people = recipients(notification);
    Map<String, MailPreference> chosen = preferences.of(people.stream().map(User::getId).toList());
    int made = 0;
    for (User person : people) {
      MailPreference preference = chosen.get(person.getId());
      if (preference.delivery() == Delivery.IN_APP) {
        continue;
      }
      boolean digest = preference.delivery() == Delivery.DAILY;
      deliveries.save(new MailDelivery(notification.getId(), person.getId(), person.getEmail(),
          languages.of(person.getId()).orElse(Locale.ENGLISH).getLanguage(), digest,
          digest ? preference.nextDigest(now) : now));
      made++;
    }
    return made;
  }

  /** The assignee, or the group's members; in either case only people of the task's country, with an address. */
  private List<User> recipients(Notification notification) {
    UserQuery query = identity.createUserQuery();
    if (notification.recipientUser() != null) {
      query.userId(notification.recipientUser());
    } else if (notification.recipientGroup() != null) {
      query.memberOfGroup(notification.recipientGroup());
    } else {
      return List.of();
    }
    if (notification.tenantId() != null) {
      query.memberOfTenant(notification.tenantId());
    }
    return query.list().stream().filter(user -> user.getEmail() != null && !user.getEmail().isBlank()).toList();
  }

  /** Sends the deliveries that are due; answers how many were sent. */
  int send() {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      return 0;
    }
    int sent = 0;
    for (MailDelivery due : deliveries.due(clock.instant(), PageRequest.of(0, BATCH))) {
      // a claim of its own, so that the rows it took are known by it; the lease counts from now, however long the
      // emails before it took, and the claim checks again that the delivery is still due and still on its own
      String claim = UUID.randomUUID().toString();
      Instant now = clock.instant();
      Integer claimed = transaction.execute(status -> due.digest()
          ? deliveries.claimDigest(due.userId(), claim, now, now.plus(lease))
          : deliveries.claim(due.getId(), claim, now, now.plus(lease)));
      if (claimed == null || claimed == 0) {
        continue; // another node has it, or this digest went out with an earlier one
      }
      List<MailDelivery> claimedRows = deliveries.findByClaimedByAndStateOrderByNextAttemptAt(claim,
          MailDelivery.State.PENDING);
      if (!claimedRows.isEmpty() && send(sender, claimedRows)) {
        sent++;
      }
    }
    return sent;
  }

  /** One email: a notification, or a day's digest of several; answers whether it went. */
  private boolean send(JavaMailSender sender, List<MailDelivery> batch) {
    MailDelivery first = batch.get(0);
    List<Notification> told = batch.stream()
        .map(delivery -> notifications.find(delivery.notificationId()).orElseThrow()).toList();
    try {
      sender.send(first.digest() ? messages.digest(told, first) : messages.of(told.get(0), first));
    } catch (MailException | IllegalStateException e) {
      batch.forEach(delivery -> failed(delivery, e));
      return false;
    }
    transaction.executeWithoutResult(status -> {
      for (int i = 0; i < batch.size(); i++) {
        MailDelivery delivery = batch.get(i);
        Notification notification = told.get(i);
        deliveries.sent(delivery.getId(), clock.instant());
        audit.record("system", notification.tenantId(), notification.engagementId(), "MAIL_SENT",
            delivery.getId(), Map.of("kind", notification.kind().name(), "to", delivery.userId(), "task",
                String.valueOf(notification.taskId()), "digest", String.valueOf(delivery.digest())));
      }
    });
    return true;
  }

  private void failed(MailDelivery delivery, RuntimeException e) {
    int attempts = delivery.attempts() + 1;
    MailDelivery.State state = attempts >= maxAttempts ? MailDelivery.State.DEAD : MailDelivery.State.PENDING;
    Duration pause = firstPause.multipliedBy(1L << Math.min(attempts - 1, 20));
    Instant next = clock.instant().plus(pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause);
    String error = String.valueOf(e.getMessage());
    transaction.executeWithoutResult(status -> deliveries.failed(delivery.getId(), state,
        next, error.length() > 1000 ? error.substring(0, 1000) : error));
    if (state == MailDelivery.State.DEAD) {
      log.error("Gave up on mail delivery {} to {} after {} attempts: {}", delivery.getId(), delivery.userId(),
          attempts, error);
    } else {
      log.warn("Mail delivery {} to {} failed (attempt {}), next at {}: {}", delivery.getId(), delivery.userId(),
          attempts, next, error);
    }
  }
}
