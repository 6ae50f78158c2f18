package org.ncs.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.ncs.audit.AuditTrail;
import org.ncs.mail.MailPreference.Delivery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unsubscribe link in every email: {@code /unsubscribe?token=<delivery>.<expiry>.<signature>}. It works
 * without signing in, once, until it expires ({@code ncs.mail.unsubscribe-valid-for}), for the person the email
 * went to, and does one thing: that person gets no more email (the bell still tells them). It signs nobody in and
 * changes nothing else.
 */
@Service
class UnsubscribeLinks {

  /** What using a link did. */
  enum Outcome {
    UNSUBSCRIBED,
    /** Used before: nothing more happens. */
    USED,
    /** Expired, altered or made up. */
    INVALID
  }

  private final MailDeliveryRepository deliveries;
  private final MailPreferences preferences;
  private final SigningKey key;
  private final AuditTrail audit;
  private final Clock clock;
  private final Duration validFor;
  private final String publicUrl;

  UnsubscribeLinks(MailDeliveryRepository deliveries, MailPreferences preferences, SigningKey key, AuditTrail audit,
      Clock clock, @Value("${ncs.mail.unsubscribe-valid-for:P60D}") Duration validFor,
      @Value("${ncs.public-url:http://localhost:8080}") String publicUrl) {
    this.deliveries = deliveries;
    this.preferences = preferences;
    this.key = key;
    this.audit = audit;
    this.clock = clock;
    this.validFor = validFor;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** The link for the email of this delivery. */
  String of(MailDelivery delivery) {
    long expiry = clock.instant().plus(validFor).getEpochSecond();
    String signed = delivery.getId() + "." + expiry;
    return publicUrl + "/unsubscribe?token=" + signed + "." + key.sign(text(delivery, expiry));
  }

  /** The delivery the token stands for, if it is genuine and not expired (used or not). */
  @Transactional(readOnly = true)
  Optional<MailDelivery> check(String token) {
    String[] parts = token == null ? new String[0] : token.split("\\.");
    if (parts.length != 3 || !parts[1].matches("\\d{1,12}")) {
      return Optional.empty();
    }
    long expiry = Long.parseLong(parts[1]);
    if (Instant.ofEpochSecond(expiry).isBefore(clock.instant())) {
      return Optional.empty();
    }
    return deliveries.findById(parts[0]).filter(delivery -> key.verify(text(delivery, expiry), parts[2]));
  }

  /** Whether the genuine link was used already. */
  static boolean used(MailDelivery delivery) {
    return delivery.unsubscribedAt() != null;
  }

  @Transactional
  Outcome use(String token) {
    Optional<MailDelivery> delivery = check(token);
    if (delivery.isEmpty()) {
      return Outcome.INVALID;
    }
    if (deliveries.unsubscribed(delivery.get().getId(), clock.instant()) == 0) {
      return Outcome.USED;
    }
    String user = delivery.get().userId();
    MailPreference preference = preferences.of(user);
    preferences.choose(user, new MailPreferences.Choice(Delivery.IN_APP, preference.digestHour(),
        preference.timeZone().getId()));
    audit.record(user, null, null, "MAIL_UNSUBSCRIBED", user, Map.of("delivery", delivery.get().getId()));
    return Outcome.UNSUBSCRIBED;
  }

  /** What is signed: the purpose, the email, its recipient and the expiry, so no part can be swapped. */
  private static String text(MailDelivery delivery, long expiry) {
    return "unsubscribe\n" + delivery.getId() + "\n" + delivery.userId() + "\n" + expiry;
  }
}
