package org.ncs.document;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DocumentRepository extends JpaRepository<Document, String> {

  List<Document> findByEngagementIdOrderByCreatedAt(String engagementId);

  /** The document a file is a version of, if it is one (a comment's attachment is not). */
  @Query("select d from Document d, DocumentVersion v where v.documentId = d.id and v.fileId = ?1")
  Optional<Document> findByVersionFile(String fileId);

  /** The document, locked until the transaction ends. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select d from Document d where d.id = ?1 and d.engagementId = ?2")
  Optional<Document> lockByIdAndEngagementId(String id, String engagementId);
}
