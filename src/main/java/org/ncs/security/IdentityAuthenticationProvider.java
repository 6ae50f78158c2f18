package org.ncs.security;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ncs.web.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks user name and password against the engine's identity store, the one the Camunda webapps use too, with
 * the engine's lock-out after failed attempts (a few seconds after one, longer after each next, for good after
 * the last allowed). The password is neither kept nor logged.
 *
 * <p>Every refused sign-in gets the same answer, which says how the lock-out works: telling a locked account apart
 * would tell a stranger that the user exists, and answering a locked account differently for the right password
 * would let guesses go on while it is locked. The log says which account was refused while locked, and until when.
 */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

  private static final Logger log = LoggerFactory.getLogger(IdentityAuthenticationProvider.class);

  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl engine;

  IdentityAuthenticationProvider(ProcessEngine engine) {
    this.identity = engine.getIdentityService();
    this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object password = authentication.getCredentials();
    if (user != null && !user.isBlank() && password != null && identity.checkPassword(user, password.toString())) {
      // roles and countries are read afresh on every request (CurrentUsers), not kept with the login
      return UsernamePasswordAuthenticationToken.authenticated(user, null, List.of());
    }
    if (user != null && identity.createUserQuery().userId(user).singleResult() instanceof UserEntity account
        && isLocked(account)) {
      log.warn("Sign-in of {} refused: the account is locked after {} failed attempts, {}", user,
          account.getAttempts(), account.getAttempts() >= engine.getLoginMaxAttempts()
              ? "until an administrator unlocks it" : "until " + account.getLockExpirationTime().toInstant());
    }
    throw new BadCredentialsException(Messages.get("problem.signInRefused", engine.getLoginDelayBase(),
        engine.getLoginDelayMaxTime(), engine.getLoginMaxAttempts()));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private boolean isLocked(UserEntity account) {
    Date until = account.getLockExpirationTime();
    return account.getAttempts() >= engine.getLoginMaxAttempts()
        || until != null && until.after(ClockUtil.getCurrentTime());
  }
}
