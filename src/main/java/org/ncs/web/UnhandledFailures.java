package org.ncs.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last word on a failure that escaped everything else, before the servlet container would answer it with its
 * own error page: a failure in a filter (signing in, reading the caller's roles) while the database is away is a
 * 503 to retry, anything else a 500 with an error id; both as problem details, for our API and the engine's. A
 * page gets the error page of the 503; its other failures go on to the container, which shows the 500 error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnhandledFailures extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(UnhandledFailures.class);

  private final ObjectMapper json;

  UnhandledFailures(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (response.isCommitted()) {
        throw e;
      }
      response.resetBuffer();
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (!path.startsWith("/api/") && !path.startsWith("/engine-rest/")) {
        // a page: the error page, a 503 to come back to while the database is away
        if (!Failures.isDatabaseUnavailable(e)) {
          throw e;
        }
        log.warn("Database unavailable on {}: {}", request.getRequestURI(), e.toString());
        HttpHeaders retry = new HttpHeaders();
        retry.set(HttpHeaders.RETRY_AFTER, String.valueOf(ProblemDetailsAdvice.RETRY_AFTER_SECONDS));
        ErrorPages.send(request, response, HttpStatus.SERVICE_UNAVAILABLE.value(), retry, null, null);
        return;
      }
      ProblemDetail problem;
      if (Failures.isDatabaseUnavailable(e)) {
        log.warn("Database unavailable on {}: {}", request.getRequestURI(), e.toString());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ProblemDetailsAdvice.RETRY_AFTER_SECONDS));
        problem = Problems.of(request.getLocale(), HttpStatus.SERVICE_UNAVAILABLE, Messages.get(request.getLocale(),
            "problem.unavailable", ProblemDetailsAdvice.RETRY_AFTER_SECONDS), request.getRequestURI());
      } else {
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {} on {}", errorId, request.getRequestURI(), e);
        problem = Problems.of(request.getLocale(), HttpStatus.INTERNAL_SERVER_ERROR,
            Messages.get(request.getLocale(), "problem.internal", errorId), request.getRequestURI());
        problem.setProperty("errorId", errorId);
      }
      response.setStatus(problem.getStatus());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), problem);
    }
  }
}
