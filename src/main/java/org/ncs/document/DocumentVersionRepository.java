package org.ncs.document;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DocumentVersionRepository extends JpaRepository<DocumentVersion, String> {

  List<DocumentVersion> findByDocumentIdInOrderByNumberDesc(Collection<String> documentIds);

  @Query("select coalesce(max(v.number), 0) from DocumentVersion v where v.documentId = ?1")
  int lastNumber(String documentId);

  /** The file of a version of one of the engagement's documents. */
  @Query("select v.fileId from DocumentVersion v, Document d where v.id = ?1 and d.id = v.documentId"
      + " and d.engagementId = ?2")
  Optional<String> fileOf(String versionId, String engagementId);

  /** A version as a form offers it. */
  record Choice(String id, String title, String label, String fileName) {
  }

  /** Every version of the engagement's documents, one statement: documents oldest first, versions newest first. */
  @Query("select new org.ncs.document.DocumentVersionRepository$Choice(v.id, d.title, v.label, f.fileName)"
      + " from DocumentVersion v, Document d, StoredFile f where d.id = v.documentId and f.id = v.fileId"
      + " and d.engagementId = ?1 order by d.createdAt, d.id, v.number desc")
  List<Choice> choices(String engagementId);
}
