package org.ncs.lifecycle;

import java.net.URI;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.ncs.web.InvalidRequestException;
import org.ncs.web.Messages;
import org.ncs.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;

/** The engine's refusals, as problem details for our API. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class LifecycleProblems {

  /** Answers that break the task's form: 400 with every offending field. */
  @ExceptionHandler(TaskDataRejectedException.class)
  ResponseEntity<ProblemDetail> rejected(TaskDataRejectedException e, ServletWebRequest request) {
    ProblemDetail problem = InvalidRequestException.problem(e.errors());
    problem.setInstance(URI.create(request.getRequest().getRequestURI()));
    return respond(problem);
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ProblemDetail> unauthorized(AuthorizationException e, ServletWebRequest request) {
    return respond(Problems.of(HttpStatus.FORBIDDEN, Messages.get("problem.forbidden"), uri(request)));
  }

  /** A message the lifecycle is not waiting for, e.g. an adoption while the strategy is still being drafted. */
  @ExceptionHandler(MismatchingMessageCorrelationException.class)
  ResponseEntity<ProblemDetail> notWaiting(MismatchingMessageCorrelationException e, ServletWebRequest request) {
    return respond(Problems.of(HttpStatus.CONFLICT, Messages.get("lifecycle.notWaiting"), uri(request)));
  }

  private static String uri(ServletWebRequest request) {
    return request.getRequest().getRequestURI();
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
