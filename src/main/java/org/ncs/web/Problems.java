package org.ncs.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Problem details as every part of the service answers them: the title says the kind, the detail what happened. */
public final class Problems {

  private Problems() {
  }

  /** A problem with the title of its status and this detail, both in the caller's language. */
  public static ProblemDetail of(HttpStatus status, String detail, String instance) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title(status.value()));
    if (instance != null) {
      problem.setInstance(URI.create(instance));
    }
    return problem;
  }

  /** The short, fixed title of a status, e.g. "Not found". */
  public static String title(int status) {
    return Messages.getOrDefault("problem.title." + status, HttpStatus.valueOf(status).getReasonPhrase());
  }
}
