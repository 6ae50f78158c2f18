package org.ncs.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error our API returns is an RFC 9457 problem ({@code application/problem+json}) in the caller's language.
 * Rejected input lists each offending field under {@code errors}, with what was expected; a body that cannot be
 * read says where; a clash with a concurrent change is a 409, a database that is away a 503 to retry later; an
 * unexpected failure is logged with an id the caller can quote, and never shows its stack trace. A page's failure
 * is answered with the error page instead ({@link ErrorPages}).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  /** How long a client should wait before retrying while the database is away, in seconds. */
  static final int RETRY_AFTER_SECONDS = 5;
  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  private final DataSize maxUpload;

  ProblemDetailsAdvice(@Value("${ncs.files.max-size:25MB}") DataSize maxUpload) {
    this.maxUpload = maxUpload;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return invalid(ex, headers, request, fieldErrors(ex.getBindingResult()));
  }

  /** A request whose path, parameters and body are all checked: a body's fields are named as in the body. */
  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = ex.getParameterValidationResults().stream()
        .flatMap(result -> result instanceof ParameterErrors body
            ? fieldErrors(body).stream()
            : result.getResolvableErrors().stream()
                .map(error -> new FieldError(result.getMethodParameter().getParameterName(), message(error))))
        .sorted(Comparator.comparing(FieldError::field))
        .toList();
    return invalid(ex, headers, request, errors);
  }

  /**
   * The same for a controller validated through its proxy ({@code @Validated}): each offending parameter by its
   * name, not the method's.
   */
  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
    List<FieldError> errors = ex.getConstraintViolations().stream()
        .map(violation -> {
          String field = null;
          for (Path.Node node : violation.getPropertyPath()) {
            field = node.getName();
          }
          return new FieldError(field == null ? "parameter" : field, violation.getMessage());
        })
        .sorted(Comparator.comparing(FieldError::field))
        .toList();
    return invalid(ex, new HttpHeaders(), request, errors);
  }

  /** A query or path parameter of the wrong type: which one, and what it must be. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    String name = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
    return invalid(ex, headers, request, List.of(new FieldError(name, expected(ex.getRequiredType()))));
  }

  /** An upload request above the bound of {@code spring.servlet.multipart.max-request-size}. */
  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        Messages.get("problem.uploadTooLarge", maxUpload.toMegabytes())), headers, HttpStatus.PAYLOAD_TOO_LARGE,
        request);
  }

  /** An upload whose form data cannot be read (cut off, malformed). */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> unreadableUpload(MultipartException ex, WebRequest request) {
    return problem(ex, HttpStatus.BAD_REQUEST, Messages.get("problem.multipart"), request);
  }

  /** An address the API does not have: said in the caller's language, without Spring's wording of it. */
  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status, Messages.get("problem.notFound")),
        headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestSizeLimit.TooLargeException tooLarge) {
        return problem(ex, HttpStatus.PAYLOAD_TOO_LARGE, Messages.get("problem.tooLarge", tooLarge.limit()),
            request);
      }
    }
    if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field = path(mismatch);
      String message = mismatch instanceof UnrecognizedPropertyException ? Messages.get("validation.unknownField")
          : expected(mismatch.getTargetType());
      ProblemDetail problem = InvalidRequestException.problem(List.of(new FieldError(field, message)));
      problem.setDetail(Messages.get("problem.bodyField", field, line(mismatch), column(mismatch)));
      return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }
    String detail;
    if (ex.getCause() instanceof StreamConstraintsException) {
      detail = Messages.get("problem.bodyTooComplex");
    } else if (ex.getCause() instanceof JsonProcessingException json && json.getLocation() != null) {
      detail = Messages.get("problem.bodySyntax", line(json), column(json));
    } else {
      detail = Messages.get("problem.bodyMissing");
    }
    return problem(ex, HttpStatus.BAD_REQUEST, detail, request);
  }

  /** Two requests raced for the same unique thing (an engagement's slot, a membership): the loser gets 409. */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Object> duplicate(DataIntegrityViolationException ex, WebRequest request) {
    return problem(ex, HttpStatus.CONFLICT, Messages.get("problem.duplicate"), request);
  }

  /** A role check inside the API: 403, as the security filters answer it. */
  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> forbidden(AccessDeniedException ex, WebRequest request) {
    return problem(ex, HttpStatus.FORBIDDEN, Messages.get("problem.forbidden"), request);
  }

  /**
   * Anything we did not foresee: a concurrent change that was not retried (409, send again), the database away
   * (503, retry after a few seconds), or a plain 500 with an id to find the log entry, nothing from the inside.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
    if (Failures.isConflict(ex)) {
      return problem(ex, HttpStatus.CONFLICT, Messages.get("problem.concurrentChange"), request);
    }
    if (Failures.isDatabaseUnavailable(ex)) {
      log.warn("Database unavailable on {}: {}", request.getDescription(false), ex.toString());
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
          Messages.get("problem.unavailable", RETRY_AFTER_SECONDS));
      return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }
    String errorId = UUID.randomUUID().toString();
    log.error("Unexpected error {} on {}", errorId, request.getDescription(false), ex);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        Messages.get("problem.internal", errorId));
    problem.setProperty("errorId", errorId);
    return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  /**
   * Every problem gets the title of its status, in the caller's language. Outside the API (our pages) the same
   * failure is the error page of its status instead, in the person's language; it says what happened where that
   * helps (a task a colleague completed, a change that clashed), never Spring's wording or an id.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null
        && !ErrorPages.isApi(servlet.getRequest())) {
      ProblemDetail problem = body instanceof ProblemDetail detail ? detail
          : ex instanceof ErrorResponse response ? response.getBody() : null;
      ErrorPages.send(servlet.getRequest(), servlet.getResponse(), status.value(), headers,
          problem != null && problem.getProperties() != null ? (String) problem.getProperties().get("errorId") : null,
          problem != null && (status.value() == 409 || ex instanceof NotFoundException notFound && notFound.hasEnded())
              ? problem.getDetail() : null);
      return null;
    }
    ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, status, request);
    if (response != null && response.getBody() instanceof ProblemDetail problem) {
      problem.setTitle(Problems.title(problem.getStatus()));
    }
    return response;
  }

  private ResponseEntity<Object> problem(Exception ex, HttpStatus status, String detail, WebRequest request) {
    return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status, detail), new HttpHeaders(), status,
        request);
  }

  private ResponseEntity<Object> invalid(Exception ex, HttpHeaders headers, WebRequest request,
      List<FieldError> errors) {
    return handleExceptionInternal(ex, InvalidRequestException.problem(errors), headers, HttpStatus.BAD_REQUEST,
        request);
  }

  private static List<FieldError> fieldErrors(Errors result) {
    return result.getFieldErrors().stream()
        .map(error -> new FieldError(error.getField(), message(error)))
        .sorted(Comparator.comparing(FieldError::field))
        .toList();
  }

  private static String message(MessageSourceResolvable error) {
    return error.getDefaultMessage() == null ? Messages.get("validation.invalid") : error.getDefaultMessage();
  }

  /** What a value of this type must look like, in words. */
  static String expected(Class<?> type) {
    if (type == null) {
      return Messages.get("validation.invalid");
    }
    if (type.isEnum()) {
      return Messages.get("validation.option", Arrays.stream(type.getEnumConstants())
          .map(String::valueOf).collect(Collectors.joining(", ")));
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return Messages.get(type == LocalDate.class ? "validation.date" : "validation.instant");
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return Messages.get("validation.wholeNumber");
    }
    if (Number.class.isAssignableFrom(type) || type == double.class) {
      return Messages.get("validation.number");
    }
    if (type == Boolean.class || type == boolean.class) {
      return Messages.get("validation.boolean");
    }
    if (type == String.class) {
      return Messages.get("validation.text");
    }
    if (Map.class.isAssignableFrom(type)) {
      return Messages.get("validation.object");
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return Messages.get("validation.array");
    }
    return Messages.get("validation.object");
  }

  /** The field as the client wrote it, e.g. {@code taskDurations.Task_DraftStrategy} or {@code partners[2]}. */
  private static String path(JsonMappingException mismatch) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : mismatch.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static long line(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    return location == null ? 0 : location.getLineNr();
  }

  private static long column(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    return location == null ? 0 : location.getColumnNr();
  }
}
