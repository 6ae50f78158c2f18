package org.ncs.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Where a failure outside Spring MVC's handlers ends (an unknown address, a static file that is not there, an
 * error sent by a filter): browsers get the error page ({@link ErrorPages}), every other client problem details,
 * not Spring Boot's own error body.
 */
class ErrorProblems extends BasicErrorController {

  ErrorProblems(ErrorAttributes attributes, ErrorProperties properties, List<ErrorViewResolver> resolvers) {
    super(attributes, properties, resolvers);
  }

  @Override
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    HttpStatus status = getStatus(request);
    if (status == HttpStatus.NO_CONTENT) {
      return new ResponseEntity<>(status);
    }
    Map<String, Object> attributes = getErrorAttributes(request, ErrorAttributeOptions.defaults());
    Object errorId = attributes.get("errorId");
    String detail = attributes.get("detail") instanceof String said ? said : switch (status) {
      case NOT_FOUND -> Messages.get("problem.notFound");
      case FORBIDDEN -> Messages.get("problem.forbidden");
      case UNAUTHORIZED -> Messages.get("problem.unauthenticated");
      default -> errorId != null ? Messages.get("problem.internal", errorId) : null;
    };
    ProblemDetail problem = Problems.of(status, detail, (String) attributes.get("path"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    if (detail != null) {
      body.put("detail", detail);
    }
    if (problem.getInstance() != null) {
      body.put("instance", problem.getInstance().toString());
    }
    if (errorId != null) {
      body.put("errorId", errorId);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}
