package org.ncs.web;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error our API returns is an RFC 9457 problem ({@code application/problem+json}). Rejected input lists
 * each offending field under {@code errors}; an unexpected failure is logged with an id the caller can quote, and
 * never shows its stack trace.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return invalid(ex, headers, status, request, fieldErrors(ex.getBindingResult()));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = ex.getParameterValidationResults().stream()
        .flatMap(result -> result.getResolvableErrors().stream()
            .map(error -> new FieldError(result.getMethodParameter().getParameterName(), message(error))))
        .sorted(Comparator.comparing(FieldError::field))
        .toList();
    return invalid(ex, headers, HttpStatus.BAD_REQUEST, request, errors);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestSizeLimit.TooLargeException) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, cause.getMessage());
        problem.setTitle("Request too large");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
      }
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
        "The request body is missing or is not valid JSON of the expected shape.");
    problem.setTitle("Unreadable request body");
    return handleExceptionInternal(ex, problem, headers, status, request);
  }

  /** Two requests raced for the same unique thing (an engagement's slot, a membership): the loser gets 409. */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Object> conflict(DataIntegrityViolationException ex, WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "The request conflicts with data that already exists.");
    problem.setTitle("Conflict");
    return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
  }

  /** A role check inside the API: 403, as the security filters answer it. */
  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> forbidden(AccessDeniedException ex, WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this.");
    problem.setTitle("Forbidden");
    return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
  }

  /** Anything we did not foresee: a plain 500 with an id to find the log entry, nothing from the inside. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
    String errorId = UUID.randomUUID().toString();
    log.error("Unexpected error {} on {}", errorId, request.getDescription(false), ex);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "The request could not be completed. Quote error id " + errorId + " when reporting this.");
    problem.setTitle("Internal error");
    problem.setProperty("errorId", errorId);
    return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  private ResponseEntity<Object> invalid(Exception ex, HttpHeaders headers, HttpStatusCode status,
      WebRequest request, List<FieldError> errors) {
    return handleExceptionInternal(ex, InvalidRequestException.problem(errors), headers, status, request);
  }

  private static List<FieldError> fieldErrors(BindingResult result) {
    return result.getFieldErrors().stream()
        .map(error -> new FieldError(error.getField(), message(error)))
        .sorted(Comparator.comparing(FieldError::field))
        .toList();
  }

  private static String message(MessageSourceResolvable error) {
    return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
  }
}
