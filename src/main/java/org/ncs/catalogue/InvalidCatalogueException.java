package org.ncs.catalogue;

import java.util.List;

/** A catalogue data file that cannot be used; the message names the file and every offending item. */
public class InvalidCatalogueException extends RuntimeException {

  private final String source;
  private final List<String> problems;

  public InvalidCatalogueException(String source, List<String> problems) {
    super("Catalogue data " + source + " is invalid:\n  - " + String.join("\n  - ", problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  public String source() {
    return source;
  }

  public List<String> problems() {
    return problems;
  }
}
