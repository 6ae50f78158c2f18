package org.ncs.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.ncs.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The Camunda webapps are for administrators. Everyone else signed into them may use the Tasklist only, until
 * the service's own pages replace it: of the engine API behind the webapps
 * ({@code /camunda/api/engine/...}) just what the Tasklist asks for their own tasks, and nothing of Cockpit or
 * Admin; the rest is 403 (a page for a browser, a problem for a script). The engine applies the user's countries
 * to what is left, and a task of another country is answered exactly like one that does not exist.
 *
 * <p>Who is signed in comes from the webapps' session; their roles are read afresh on every request, so that an
 * administrator who takes a role away takes it away at once.
 */
class WebappGuard extends OncePerRequestFilter {

  /** What the Tasklist asks of the engine API for a user's own work: method, then path below the engine. */
  private static final List<Pattern> TASKLIST = List.of(
      "GET /engine/?",
      "GET /engine/[^/]+/filter(/count)?",
      "GET /engine/[^/]+/filter/[^/]+",
      "POST /engine/[^/]+/filter/[^/]+/(list|count|singleResult)",
      "(GET|POST) /engine/[^/]+/task(/count)?",
      "GET /engine/[^/]+/task/[^/]+(/(form|form-variables|deployed-form|rendered-form|identity-links|comment"
          + "|variables|localVariables))?",
      "POST /engine/[^/]+/task/[^/]+/(claim|unclaim|complete|submit-form|assignee|comment/create)",
      "GET /engine/[^/]+/process-definition/[^/]+(/xml)?",
      "GET /engine/[^/]+/user/[^/]+/profile",
      "GET /engine/[^/]+/identity/groups",
      "OPTIONS /.*")
      .stream().map(Pattern::compile).toList();

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
    if (user.isEmpty() || user.get().isAdmin() || isOpenToAll(path)) {
      chain.doFilter(request, response);
      return;
    }
    String engineApi = "/api/engine";
    if (path.startsWith(engineApi) && allowed(request.getMethod(), path.substring(engineApi.length()))) {
      sameAnswerForAnotherCountry(request, response, chain);
    } else if (path.startsWith("/api/")) {
      ProblemResponses.write(json, request, response, HttpStatus.FORBIDDEN,
          Messages.get("problem.webappsForAdministrators"));
    } else {
      response.sendError(HttpStatus.FORBIDDEN.value());
    }
  }

  /** The Tasklist, the welcome page, signing in and out, and the webapps' assets. */
  private static boolean isOpenToAll(String path) {
    return path.isEmpty() || path.equals("/") || path.equals("/app/") || path.startsWith("/app/tasklist")
        || path.startsWith("/api/tasklist") || path.startsWith("/app/welcome") || path.startsWith("/api/welcome")
        || path.startsWith("/api/admin/auth") || path.startsWith("/assets");
  }

  private static boolean allowed(String method, String path) {
    String call = method + " " + path;
    return TASKLIST.stream().anyMatch(pattern -> pattern.matcher(call).matches());
  }

  /**
   * The engine answers a task of another country with a 500 that says so, and an unknown one with a 404 that
   * names it: both become the same 404.
   */
  private void sameAnswerForAnotherCountry(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, captured);
    String body = new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8);
    if (captured.getStatus() == 404 || captured.getStatus() == 500 && body.contains(ENGINE_TENANT_CHECK)) {
      captured.resetBuffer();
      captured.setStatus(404);
      captured.setContentType(MediaType.APPLICATION_JSON_VALUE);
      captured.getOutputStream().write(NOT_FOUND);
    }
    captured.copyBodyToResponse();
  }

  private static final String ENGINE_TENANT_CHECK = EngineRestConfiguration.TENANT_CHECK_FAILED;
  private static final byte[] NOT_FOUND = "{\"type\":\"InvalidRequestException\",\"message\":\"Not found\"}"
      .getBytes(StandardCharsets.UTF_8);

  /** The user signed into the webapps, as the identity store has them now. */
  private Optional<CurrentUser> signedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(WEBAPP_SESSION_KEY) instanceof Authentications signedIn)) {
      return Optional.empty();
    }
    return signedIn.getAuthentications().stream()
        .map(UserAuthentication::getIdentityId)
        .findFirst()
        .map(users::load);
  }

  /** Where the webapps keep who signed in, in the session. */
  private static final String WEBAPP_SESSION_KEY = "authenticatedUser";

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
