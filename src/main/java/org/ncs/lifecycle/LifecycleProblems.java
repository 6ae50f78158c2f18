package org.ncs.lifecycle;

import java.net.URI;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.ncs.web.InvalidRequestException;
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
    problem.setTitle("Invalid task data");
    problem.setInstance(URI.create(request.getRequest().getRequestURI()));
    return respond(problem);
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ProblemDetail> unauthorized(AuthorizationException e, ServletWebRequest request) {
    return respond(problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.", request));
  }

  /** A message the lifecycle is not waiting for, e.g. an adoption while the strategy is still being drafted. */
  @ExceptionHandler(MismatchingMessageCorrelationException.class)
  ResponseEntity<ProblemDetail> notWaiting(MismatchingMessageCorrelationException e, ServletWebRequest request) {
    return respond(problem(HttpStatus.CONFLICT, "Conflict",
        "The engagement's lifecycle is not at a point where this can happen.", request));
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail, ServletWebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setInstance(URI.create(request.getRequest().getRequestURI()));
    return problem;
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
