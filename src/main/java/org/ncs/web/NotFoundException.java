package org.ncs.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A resource that does not exist, or that the caller may not know exists: answered with 404. */
public class NotFoundException extends ErrorResponseException {

  public NotFoundException(String detail) {
    super(HttpStatus.NOT_FOUND, problem(detail), null);
  }

  private static ProblemDetail problem(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
    problem.setTitle("Not found");
    return problem;
  }
}
