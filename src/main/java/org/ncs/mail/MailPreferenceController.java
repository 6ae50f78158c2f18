package org.ncs.mail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.ncs.mail.MailPreferences.Choice;
import org.ncs.security.CurrentUsers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How you are told of your notifications by email. */
@RestController
@RequestMapping("/api/notifications/preferences")
@Tag(name = "Notifications")
class MailPreferenceController {

  private final MailPreferences preferences;
  private final CurrentUsers users;

  MailPreferenceController(MailPreferences preferences, CurrentUsers users) {
    this.preferences = preferences;
    this.users = users;
  }

  @GetMapping
  @Operation(summary = "How your notifications reach you by email: IMMEDIATE (each at once), DAILY (one digest a "
      + "day at digestHour in timeZone) or IN_APP (no email, the bell only)")
  Choice mine() {
    return Choice.of(preferences.of(users.current().id()));
  }

  @PutMapping
  @Operation(summary = "Choose how your notifications reach you; timeZone is a region's (Africa/Kigali, UTC)")
  Choice choose(@Valid @RequestBody Choice choice) {
    return Choice.of(preferences.choose(users.current().id(), choice));
  }
}
