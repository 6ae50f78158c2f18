package org.ncs.mail;

import jakarta.validation.Validator;
import java.util.Arrays;
import org.ncs.mail.MailPreference.Delivery;
import org.ncs.mail.MailPreferences.Choice;
import org.ncs.security.CurrentUsers;
import org.ncs.web.PageForms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page where a person chooses how they are told: each email at once, a daily digest, or the bell only. */
@Controller
class MailPreferencePages {

  private final MailPreferences preferences;
  private final CurrentUsers users;
  private final Validator validator;

  MailPreferencePages(MailPreferences preferences, CurrentUsers users, Validator validator) {
    this.preferences = preferences;
    this.users = users;
    this.validator = validator;
  }

  @GetMapping("/notifications/settings")
  String settings(Model model) {
    model.addAttribute("choice", Choice.of(preferences.of(users.current().id())));
    model.addAttribute("deliveries", Delivery.values());
    model.addAttribute("timeZones", MailPreferences.timeZones());
    model.addAttribute("section", "notifications");
    return "mail/settings";
  }

  @PostMapping("/notifications/settings")
  String choose(@RequestParam(required = false) String delivery, @RequestParam(required = false) String digestHour,
      @RequestParam(required = false) String timeZone, RedirectAttributes next) {
    Choice choice = new Choice(Arrays.stream(Delivery.values()).filter(value -> value.name().equals(delivery))
        .findFirst().orElse(null), hour(digestHour), timeZone);
    PageForms.submit(validator, next, "settings", PageForms.typed("delivery", delivery, "digestHour", digestHour,
        "timeZone", timeZone), choice, "mail.preferences.saved",
        () -> preferences.choose(users.current().id(), choice));
    return "redirect:/notifications/settings";
  }

  private static Integer hour(String hour) {
    return hour != null && hour.matches("\\d{1,2}") ? Integer.valueOf(hour) : null;
  }
}
