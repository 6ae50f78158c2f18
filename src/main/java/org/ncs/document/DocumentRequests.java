package org.ncs.document;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What a caller sends with an upload, besides the file. */
public final class DocumentRequests {

  private DocumentRequests() {
  }

  /**
   * A new document and its first version.
   *
   * @param taskId the open task of the engagement the file is for, if any
   * @param confidential whether every download of the document's files is recorded in the audit trail
   */
  public record NewDocument(
      @NotBlank @Pattern(regexp = KINDS, message = "{validation.documentKind}") String kind,
      @NotBlank @Size(min = 2, max = 200) String title,
      @NotBlank @Size(max = 40) String label,
      @Size(max = 1000) String changeNote,
      @Pattern(regexp = TASK_ID, message = "{validation.taskId}") String taskId,
      Boolean confidential) {
  }

  /** A new version of a document; {@code taskId} as for a new document. */
  public record NewVersion(
      @NotBlank @Size(max = 40) String label,
      @Size(max = 1000) String changeNote,
      @Pattern(regexp = TASK_ID, message = "{validation.taskId}") String taskId) {
  }

  static final String TASK_ID = "[A-Za-z0-9-]{1,64}";

  /** The kinds of documents, as forms offer them. */
  public static List<String> kinds() {
    return List.of(KINDS.split("\\|"));
  }

  /** The kinds of documents the lifecycle produces. */
  static final String KINDS = "strategy-draft|situational-analysis|risk-assessment|terms-of-reference"
      + "|stakeholder-map|action-plan|progress-report|evaluation-report|evidence|other";
}
