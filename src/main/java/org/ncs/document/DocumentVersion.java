package org.ncs.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.ncs.persistence.AssignedIdEntity;

/** A version of a document: its number, a label such as "1.0", what changed, and the file. */
@Entity
@Table(name = "document_version")
class DocumentVersion extends AssignedIdEntity {

  @Id
  private String id;

  @Column(name = "document_id", nullable = false, length = 36)
  private String documentId;

  @Column(nullable = false)
  private int number;

  @Column(nullable = false, length = 40)
  private String label;

  @Column(name = "change_note", length = 1000)
  private String changeNote;

  @Column(name = "file_id", nullable = false, length = 36)
  private String fileId;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected DocumentVersion() {
  }

  DocumentVersion(String documentId, int number, String label, String changeNote, String fileId, String createdBy,
      Instant createdAt) {
    this.id = UUID.randomUUID().toString();
    this.documentId = documentId;
    this.number = number;
    this.label = label;
    this.changeNote = changeNote;
    this.fileId = fileId;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  @Override
  public String getId() {
    return id;
  }

  String documentId() {
    return documentId;
  }

  int number() {
    return number;
  }

  String label() {
    return label;
  }

  String changeNote() {
    return changeNote;
  }

  String fileId() {
    return fileId;
  }

  String createdBy() {
    return createdBy;
  }

  Instant createdAt() {
    return createdAt;
  }
}
