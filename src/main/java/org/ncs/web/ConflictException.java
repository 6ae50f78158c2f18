package org.ncs.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The request clashes with the current state (someone else got there first, it already exists): 409. */
public class ConflictException extends ErrorResponseException {

  public ConflictException(String detail) {
    super(HttpStatus.CONFLICT, problem(detail), null);
  }

  private static ProblemDetail problem(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
    problem.setTitle("Conflict");
    return problem;
  }
}
