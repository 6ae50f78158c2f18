package org.ncs.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Input that is well-formed but wrong (an unknown country, a user who does not exist): 400, field by field. */
public class InvalidRequestException extends ErrorResponseException {

  private final List<FieldError> errors;

  public InvalidRequestException(List<FieldError> errors) {
    super(HttpStatus.BAD_REQUEST, problem(errors), null);
    this.errors = List.copyOf(errors);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  /** Each offending field with what is wrong with it. */
  public List<FieldError> errors() {
    return errors;
  }

  /** The 400 problem every rejection of input answers with: a summary and each offending field. */
  public static ProblemDetail problem(List<FieldError> errors) {
    ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, errors.size() == 1
        ? Messages.get("problem.oneInvalid") : Messages.get("problem.manyInvalid", errors.size()), null);
    problem.setProperty("errors", List.copyOf(errors));
    return problem;
  }
}
