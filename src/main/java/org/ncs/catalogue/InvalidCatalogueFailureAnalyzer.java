package org.ncs.catalogue;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an invalid catalogue into a start-up report a person can act on, instead of a stack trace. */
class InvalidCatalogueFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCatalogueException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidCatalogueException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Correct " + cause.source() + " (or ncs.catalogue.locations) and start again.", cause);
  }
}
