package org.ncs.document;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a caller sends with an upload, besides the file. */
public final class DocumentRequests {

  private DocumentRequests() {
  }

  /** A new document and its first version. */
  public record NewDocument(
      @NotBlank @Pattern(regexp = KINDS, message = "{validation.documentKind}") String kind,
      @NotBlank @Size(min = 2, max = 200) String title,
      @NotBlank @Size(max = 40) String label,
      @Size(max = 1000) String changeNote) {
  }

  /** A new version of a document. */
  public record NewVersion(
      @NotBlank @Size(max = 40) String label,
      @Size(max = 1000) String changeNote) {
  }

  /** The kinds of documents the lifecycle produces. */
  static final String KINDS = "strategy-draft|situational-analysis|risk-assessment|terms-of-reference"
      + "|stakeholder-map|action-plan|progress-report|evaluation-report|evidence|other";
}
