package org.ncs.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A resource that does not exist, or that the caller may not know exists: answered with 404. */
public class NotFoundException extends ErrorResponseException {

  private final boolean ended;

  /** @param detail what was not found, for people: in their language (see {@link Messages}) */
  public NotFoundException(String detail) {
    this(detail, false);
  }

  private NotFoundException(String detail, boolean ended) {
    super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, detail, null), null);
    this.ended = ended;
  }

  /**
   * Something the caller could see has ended (a task a colleague completed): the detail says how, and the error
   * page says it too, where a plain 404 only says the page is not there.
   */
  public static NotFoundException ended(String detail) {
    return new NotFoundException(detail, true);
  }

  public boolean hasEnded() {
    return ended;
  }
}
