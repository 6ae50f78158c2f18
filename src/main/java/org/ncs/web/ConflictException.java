package org.ncs.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The request clashes with the current state (someone else got there first, it already exists): 409. */
public class ConflictException extends ErrorResponseException {

  /** @param detail what happened and what to do, for people: in their language (see {@link Messages}) */
  public ConflictException(String detail) {
    super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, detail, null), null);
  }
}
