package org.ncs.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The language switcher of every page, the sign-in page included: a plain form, so it works without JavaScript.
 * The choice is remembered for the person and applies at once, to the page they were on.
 */
@Controller
class LanguageController {

  private final LanguagePreferences preferences;

  LanguageController(LanguagePreferences preferences) {
    this.preferences = preferences;
  }

  @PostMapping("/language")
  String choose(@RequestParam String lang, @RequestParam(name = "return", required = false) String back,
      Principal principal, HttpServletRequest request) {
    Locale language = Languages.of(lang).orElse(Locale.ENGLISH);
    preferences.choose(request, principal == null ? null : principal.getName(), language);
    return "redirect:" + Pages.localPath(back);
  }
}
