package org.ncs.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 answered as problem details, like every other error of our API. */
final class ProblemResponses {

  private ProblemResponses() {
  }

  /** 401 with a Basic challenge, so scripts know how to authenticate. */
  static AuthenticationEntryPoint unauthenticated(ObjectMapper json) {
    return (request, response, exception) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"NCS Lifecycle Service\"");
      write(json, request, response, HttpStatus.UNAUTHORIZED, "Authentication required",
          "Log in, or send HTTP Basic credentials of a user of this service.");
    };
  }

  static AccessDeniedHandler forbidden(ObjectMapper json) {
    return (request, response, exception) -> write(json, request, response, HttpStatus.FORBIDDEN, "Forbidden",
        "Your role does not allow this.");
  }

  static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response, HttpStatus status,
      String title, String detail) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
