package org.ncs.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Problem details as every part of the service answers them: the title says the kind, the detail what happened. */
public final class Problems {

  private Problems() {
  }

  /** A problem with the title of its status and this detail, both in the caller's language. */
  public static ProblemDetail of(HttpStatus status, String detail, String instance) {
    return of(LocaleContextHolder.getLocale(), status, detail, instance);
  }

  /** The same in a given language, for filters that answer outside Spring's request handling. */
  public static ProblemDetail of(Locale locale, HttpStatus status, String detail, String instance) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title(locale, status.value()));
    if (instance != null) {
      problem.setInstance(URI.create(instance));
    }
    return problem;
  }

  /** The short, fixed title of a status, e.g. "Not found". */
  public static String title(int status) {
    return title(LocaleContextHolder.getLocale(), status);
  }

  private static String title(Locale locale, int status) {
    return Messages.getOrDefault(locale, "problem.title." + status, HttpStatus.valueOf(status).getReasonPhrase());
  }
}
