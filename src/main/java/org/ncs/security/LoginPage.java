package org.ncs.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page: user name and password, and each OpenID Connect provider configured. */
@Controller
class LoginPage {

  private final ObjectProvider<ClientRegistrationRepository> oidcClients;

  LoginPage(ObjectProvider<ClientRegistrationRepository> oidcClients) {
    this.oidcClients = oidcClients;
  }

  @GetMapping("/login")
  String login(Model model, HttpServletRequest request) {
    if (CurrentUsers.isUser(SecurityContextHolder.getContext().getAuthentication())) {
      return "redirect:/";
    }
    Map<String, String> providers = new LinkedHashMap<>();
    if (oidcClients.getIfAvailable() instanceof Iterable<?> registrations) {
      for (Object registration : registrations) {
        ClientRegistration client = (ClientRegistration) registration;
        providers.put(client.getRegistrationId(), client.getClientName());
      }
    }
    model.addAttribute("providers", providers);
    // why the last sign-in was refused, as the authentication said it in the person's language
    HttpSession session = request.getSession(false);
    if (request.getParameter("error") != null && session != null
        && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException refused) {
      model.addAttribute("refused", refused.getMessage());
    }
    return "login";
  }
}
