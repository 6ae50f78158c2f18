package org.ncs.document;

import java.time.Instant;
import java.util.List;

/** What the API and the pages show of documents and files. */
public final class DocumentViews {

  private DocumentViews() {
  }

  /** A stored file: what it is (from its content), its size and SHA-256, who uploaded it and for which task. */
  public record FileView(String id, String fileName, String mediaType, long size, String sha256, String taskId,
      String uploadedBy, Instant uploadedAt) {

    static FileView of(StoredFile file) {
      return new FileView(file.getId(), file.fileName(), file.mediaType(), file.size(), file.sha256(),
          file.taskId(), file.uploadedBy(), file.uploadedAt());
    }
  }

  public record VersionView(String id, int number, String label, String changeNote, FileView file, String createdBy,
      Instant createdAt) {
  }

  /** A document with its versions, the newest first. */
  public record DocumentView(String id, String kind, String title, boolean confidential, String createdBy,
      Instant createdAt, List<VersionView> versions) {
  }

  /** A version of a document, named for use elsewhere (the draft a consultation round released). */
  public record VersionRef(String id, String documentId, String title, String label, FileView file) {
  }
}
