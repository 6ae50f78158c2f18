package org.ncs.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who is calling (user, groups, tenants) for the length of one request to our API or to the
 * engine REST API, so its authorization and tenant checks apply, and forgets it afterwards: threads are reused.
 * The user it loaded is what {@link CurrentUsers#current()} answers for the rest of the request.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identity;
  private final CurrentUsers users;

  EngineAuthenticationFilter(IdentityService identity, CurrentUsers users) {
    this.identity = identity;
    this.users = users;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!CurrentUsers.isUser(authentication)) {
      chain.doFilter(request, response);
      return;
    }
    CurrentUser user = users.forRequest(request, authentication.getName());
    identity.setAuthentication(user.id(), List.copyOf(user.groups()), List.copyOf(user.tenants()));
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }
}
