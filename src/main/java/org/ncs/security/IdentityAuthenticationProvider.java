package org.ncs.security;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.ncs.web.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks user name and password against the engine's identity store, the one the Camunda webapps use too, with
 * the engine's lock-out after failed attempts (a few seconds after one, longer after each next, for good after
 * the last allowed). The password is neither kept nor logged.
 *
 * <p>A locked account refuses even the right password. Whoever gives the right one is told that the account is
 * locked and for how long; anyone else gets the same answer as for a wrong password, so that nothing tells a
 * stranger whether a user name exists.
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
    if (user == null || user.isBlank() || password == null) {
      throw new BadCredentialsException("Bad credentials");
    }
    if (identity.checkPassword(user, password.toString())) {
      // roles and countries are read afresh on every request (CurrentUsers), not kept with the login
      return UsernamePasswordAuthenticationToken.authenticated(user, null, List.of());
    }
    User stored = identity.createUserQuery().userId(user).singleResult();
    if (stored instanceof UserEntity account && isLocked(account)) {
      boolean rightPassword = matches(account, password.toString());
      log.warn("Sign-in of {} refused: the account is locked ({} failed attempts{}){}", user, account.getAttempts(),
          isLockedForGood(account) ? ", until an administrator unlocks it" : ", until " + account.getLockExpirationTime(),
          rightPassword ? "; the password given was right" : "");
      if (rightPassword) {
        throw isLockedForGood(account) ? new AccountLocked(Messages.get("problem.lockedForGood"), 0)
            : new AccountLocked(Messages.get("problem.locked", secondsLeft(account)), secondsLeft(account));
      }
    }
    throw new BadCredentialsException("Bad credentials");
  }

  /** The right password for a locked account: how long to wait, if waiting helps. */
  static final class AccountLocked extends LockedException {

    private final long retryAfterSeconds;

    AccountLocked(String message, long retryAfterSeconds) {
      super(message);
      this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 0 if the account stays locked until an administrator unlocks it. */
    long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private boolean isLocked(UserEntity account) {
    Date until = account.getLockExpirationTime();
    return isLockedForGood(account) || until != null && until.after(ClockUtil.getCurrentTime());
  }

  private boolean isLockedForGood(UserEntity account) {
    return account.getAttempts() >= engine.getLoginMaxAttempts();
  }

  /** The password check the engine makes, without counting a failed attempt. */
  private boolean matches(UserEntity account, String password) {
    return engine.getPasswordManager().check(EncryptionUtil.saltPassword(password, account.getSalt()),
        account.getPassword());
  }

  private static long secondsLeft(UserEntity account) {
    return Math.max(1, Duration.between(ClockUtil.getCurrentTime().toInstant(),
        account.getLockExpirationTime().toInstant()).toSeconds() + 1);
  }
}
