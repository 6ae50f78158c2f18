package org.ncs.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A refused default is reported as what is wrong and what to do, not as a stack trace. */
class UnsafeDefaultFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeDefaultException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, UnsafeDefaultException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
