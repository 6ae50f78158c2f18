package org.ncs.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks user name and password against the engine's identity store, the one the Camunda webapps use too, with
 * the engine's lock-out after repeated failures. The password is neither kept nor logged.
 */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;

  IdentityAuthenticationProvider(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object password = authentication.getCredentials();
    if (user == null || user.isBlank() || password == null || !identity.checkPassword(user, password.toString())) {
      throw new BadCredentialsException("Bad credentials");
    }
    // roles and countries are read afresh on every request (CurrentUsers), not kept with the login
    return UsernamePasswordAuthenticationToken.authenticated(user, null, List.of());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
