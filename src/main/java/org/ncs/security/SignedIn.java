package org.ncs.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.ncs.web.LanguagePreferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * After a sign-in (form or OpenID Connect): the session takes the person's name as the pages show it and the
 * language they chose before, then they go where they were going, or to their work.
 */
@Component
class SignedIn extends SavedRequestAwareAuthenticationSuccessHandler {

  private static final Logger log = LoggerFactory.getLogger(SignedIn.class);
  static final String NAME_ATTRIBUTE = SignedIn.class.getName() + ".name";

  private final IdentityService identity;
  private final LanguagePreferences languages;
  private final SystemAccess system;

  SignedIn(IdentityService identity, LanguagePreferences languages, SystemAccess system) {
    this.identity = identity;
    this.languages = languages;
    this.system = system;
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) throws ServletException, IOException {
    String userId = authentication.getName();
    User user = system.call(() -> identity.createUserQuery().userId(userId).singleResult());
    String name = user == null ? userId
        : String.join(" ", nonNull(user.getFirstName()), nonNull(user.getLastName())).trim();
    request.getSession().setAttribute(NAME_ATTRIBUTE, name.isEmpty() ? userId : name);
    languages.apply(request, userId);
    log.info("{} signed in", userId);
    super.onAuthenticationSuccess(request, response, authentication);
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
