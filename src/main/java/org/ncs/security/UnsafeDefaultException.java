package org.ncs.security;

/** A setting meant for a laptop that the service refuses to run with in production; says what to do instead. */
class UnsafeDefaultException extends RuntimeException {

  private final String action;

  UnsafeDefaultException(String problem, String action) {
    super(problem);
    this.action = action;
  }

  String action() {
    return action;
  }
}
