package org.ncs.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.ncs.web.Messages;
import org.ncs.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/** 401 and 403 answered as problem details, like every other error of our API. */
final class ProblemResponses {

  private ProblemResponses() {
  }

  /**
   * 401 with a Basic challenge, so scripts know how to authenticate; refused credentials say how the lock-out
   * after failed sign-ins works.
   */
  static AuthenticationEntryPoint unauthenticated(ObjectMapper json) {
    return (request, response, exception) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"NCS Lifecycle Service\"");
      write(json, request, response, HttpStatus.UNAUTHORIZED, exception instanceof BadCredentialsException
          ? exception.getMessage() : Messages.get("problem.unauthenticated"));
    };
  }

  /** 403: a missing CSRF token says how to send it (or that another site's page may not); else the role. */
  static AccessDeniedHandler forbidden(ObjectMapper json) {
    return forbidden(json, "problem.forbidden");
  }

  /** 403, saying why with the text of {@code reason} where it is not a missing CSRF token. */
  static AccessDeniedHandler forbidden(ObjectMapper json, String reason) {
    return (request, response, exception) -> write(json, request, response, HttpStatus.FORBIDDEN,
        !(exception instanceof CsrfException) ? Messages.get(reason)
            : CrossSite.isWriteFromAnotherSite(request) ? Messages.get("problem.crossSite")
            : Messages.get("problem.csrf"));
  }

  static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response, HttpStatus status,
      String detail) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), Problems.of(status, detail, request.getRequestURI()));
  }
}
