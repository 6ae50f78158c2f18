package org.ncs.mail;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ncs.audit.AuditTrail;
import org.ncs.mail.MailPreference.Delivery;
import org.ncs.web.InvalidRequestException;
import org.ncs.web.Messages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each person chose for their emails, and what a change does to the emails already waiting for them: in-app
 * only drops them, immediate sends the waiting digest now, a new digest hour moves the waiting digest to it.
 */
@Service
class MailPreferences {

  /** A person's choice, as the API and the page take and show it. */
  record Choice(
      @NotNull Delivery delivery,
      @NotNull @Min(0) @Max(23) Integer digestHour,
      @NotBlank @Size(max = 64) String timeZone) {

    static Choice of(MailPreference preference) {
      return new Choice(preference.delivery(), preference.digestHour(), preference.timeZone().getId());
    }
  }

  /** The time zones one can choose: the regions' (Africa/Kigali), not the old aliases and offsets. */
  static final Set<String> TIME_ZONES = ZoneId.getAvailableZoneIds().stream()
      .filter(zone -> zone.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+")
          || zone.equals("UTC"))
      .collect(Collectors.toCollection(TreeSet::new));

  private final MailPreferenceRepository preferences;
  private final MailDeliveryRepository deliveries;
  private final AuditTrail audit;
  private final Clock clock;

  MailPreferences(MailPreferenceRepository preferences, MailDeliveryRepository deliveries, AuditTrail audit,
      Clock clock) {
    this.preferences = preferences;
    this.deliveries = deliveries;
    this.audit = audit;
    this.clock = clock;
  }

  /** The person's choice, or the default (each email at once, digest at 07:00 UTC) if they made none. */
  @Transactional(readOnly = true)
  public MailPreference of(String userId) {
    return preferences.findById(userId).orElseGet(() -> new MailPreference(userId));
  }

  /** Several people's choices at once, defaults for those who made none. */
  @Transactional(readOnly = true)
  Map<String, MailPreference> of(Collection<String> userIds) {
    Map<String, MailPreference> chosen = preferences.findAllById(userIds).stream()
        .collect(Collectors.toMap(MailPreference::getId, Function.identity()));
    userIds.forEach(user -> chosen.computeIfAbsent(user, MailPreference::new));
    return chosen;
  }

  @Transactional
  public MailPreference choose(String userId, Choice choice) {
    ZoneId zone = zone(choice.timeZone());
    MailPreference preference = preferences.findById(userId).orElseGet(() -> new MailPreference(userId));
    Instant now = clock.instant();
    preference.choose(choice.delivery(), choice.digestHour(), zone, now);
    preferences.save(preference);
    switch (choice.delivery()) {
      case IN_APP -> deliveries.skipWaiting(userId);
      case IMMEDIATE -> deliveries.reschedule(userId, false, now);
      case DAILY -> deliveries.reschedule(userId, true, preference.nextDigest(now));
    }
    audit.record(userId, null, null, "MAIL_PREFERENCE_CHANGED", userId, Map.of("delivery",
        choice.delivery().name(), "digestHour", String.valueOf(choice.digestHour()), "timeZone", zone.getId()));
    return preference;
  }

  private static ZoneId zone(String name) {
    if (name != null && TIME_ZONES.contains(name)) {
      try {
        return ZoneId.of(name);
      } catch (DateTimeException e) {
        // not known to this Java after all: refused below
      }
    }
    throw new InvalidRequestException("timeZone", Messages.get("mail.preferences.unknownZone"));
  }

  static List<String> timeZones() {
    return List.copyOf(TIME_ZONES);
  }
}
