package org.ncs.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.ncs.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Camunda webapps (Tasklist, Cockpit, Admin) are for administrators; everyone else works in the service's own
 * pages and API. Someone signed in who is not an administrator, in the webapps or in our pages, gets a 403 there:
 * the error page for a browser, a problem for a script. What they may still reach is signing out and the webapps'
 * assets. Without a sign-in, the webapps show their own login, which only lets administrators in (only they are
 * granted the applications).
 *
 * <p>Who is signed in is read afresh on every request, so that an administrator who takes a role away takes it
 * away at once.
 */
class WebappGuard extends OncePerRequestFilter {

  private final CurrentUsers users;
  private final ObjectMapper json;
  private final String webapps;

  WebappGuard(CurrentUsers users, ObjectMapper json, String webappPath) {
    this.users = users;
    this.json = json;
    this.webapps = webappPath;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !path(request).startsWith(webapps + "/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = path(request).substring(webapps.length());
    Optional<CurrentUser> user = signedIn(request);
    if (user.isEmpty() || user.get().isAdmin() || path.startsWith("/assets/")
        || path.startsWith("/api/admin/auth/user/default/logout")) {
      chain.doFilter(request, response);
    } else if (path.startsWith("/api/")) {
      ProblemResponses.write(json, request, response, HttpStatus.FORBIDDEN,
          Messages.get("problem.webappsForAdministrators"));
    } else {
      response.sendError(HttpStatus.FORBIDDEN.value());
    }
  }

  /** Who is signed in, to the webapps or to our pages, as the identity store has them now. */
  private Optional<CurrentUser> signedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(WEBAPP_SESSION_KEY) instanceof Authentications signedIn) {
      Optional<String> webappUser = signedIn.getAuthentications().stream()
          .map(UserAuthentication::getIdentityId)
          .findFirst();
      if (webappUser.isPresent()) {
        return webappUser.map(users::load);
      }
    }
    Authentication ours = SecurityContextHolder.getContext().getAuthentication();
    return CurrentUsers.isUser(ours) ? Optional.of(users.forRequest(request, ours.getName())) : Optional.empty();
  }

  /** Where the webapps keep who signed in, in the session. */
  private static final String WEBAPP_SESSION_KEY = "authenticatedUser";

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
