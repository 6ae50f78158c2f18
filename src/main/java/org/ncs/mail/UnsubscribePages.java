package org.ncs.mail;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An email's unsubscribe link, without signing in. Opening it only asks (mail scanners open links); the button,
 * or a mail reader's one-click unsubscribe, posts it.
 */
@Controller
class UnsubscribePages {

  private final UnsubscribeLinks links;

  UnsubscribePages(UnsubscribeLinks links) {
    this.links = links;
  }

  @GetMapping("/unsubscribe")
  String ask(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
    String state = links.check(token).map(delivery -> UnsubscribeLinks.used(delivery) ? "USED" : "ASK")
        .orElse("INVALID");
    return page(state, token, model, response);
  }

  @PostMapping("/unsubscribe")
  String unsubscribe(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
    return page(links.use(token).name(), token, model, response);
  }

  private static String page(String state, String token, Model model, HttpServletResponse response) {
    if (state.equals("INVALID")) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    } else if (state.equals("USED")) {
      response.setStatus(HttpServletResponse.SC_GONE);
    }
    // the token is the authority here: it stays out of caches and referrers
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    model.addAttribute("state", state);
    model.addAttribute("token", token);
    return "mail/unsubscribe";
  }
}
