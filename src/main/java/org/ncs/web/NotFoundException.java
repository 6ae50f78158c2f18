package org.ncs.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A resource that does not exist, or that the caller may not know exists: answered with 404. */
public class NotFoundException extends ErrorResponseException {

  /** @param detail what was not found, for people: in their language (see {@link Messages}) */
  public NotFoundException(String detail) {
    super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, detail, null), null);
  }
}
