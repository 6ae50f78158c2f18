package org.ncs.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;

/**
 * Runs engine calls on the service's own behalf, without the caller's authorization and tenant checks: for work
 * the service has already decided the caller may do (starting a lifecycle for a permitted engagement) or must do
 * whatever the caller's rights (showing every open task of an engagement the caller may see).
 */
@Service
public class SystemAccess {

  private final IdentityService identity;

  SystemAccess(IdentityService identity) {
    this.identity = identity;
  }

  public <T> T call(Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
