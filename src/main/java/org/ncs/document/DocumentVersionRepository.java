package org.ncs.document;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DocumentVersionRepository extends JpaRepository<DocumentVersion, String> {

  List<DocumentVersion> findByDocumentIdInOrderByNumberDesc(Collection<String> documentIds);

  @Query("select coalesce(max(v.number), 0) from DocumentVersion v where v.documentId = ?1")
  int lastNumber(String documentId);
}
