package org.ncs.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who is calling, read afresh from the engine's identity store on every request, so that a change of role or
 * country applies to the very next request.
 */
@Service
public class CurrentUsers {

  private final IdentityService identity;

  CurrentUsers(IdentityService identity) {
    this.identity = identity;
  }

  /** Where the request's user is kept once loaded, so a request reads the identity store once. */
  static final String REQUEST_ATTRIBUTE = CurrentUser.class.getName();

  /** The authenticated user of this request. */
  public CurrentUser current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!CurrentUsers.isUser(authentication)) {
      throw new AuthenticationCredentialsNotFoundException("No authenticated user");
    }
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null
        && request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof CurrentUser loaded
        && loaded.id().equals(authentication.getName())) {
      return loaded;
    }
    return load(authentication.getName());
  }

  /** A real user, not the anonymous placeholder of public pages. */
  static boolean isUser(Authentication authentication) {
    return authentication != null && authentication.isAuthenticated() && authentication.getName() != null
        && !(authentication instanceof AnonymousAuthenticationToken);
  }

  /** The user as they stand now in the identity store, for work done on their behalf outside a request. */
  public CurrentUser of(String userId) {
    return load(userId);
  }

  CurrentUser load(String userId) {
    Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
    List<Tenant> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list();
    return new CurrentUser(userId, groups, tenants.stream().map(Tenant::getId).collect(Collectors.toSet()));
  }
}
