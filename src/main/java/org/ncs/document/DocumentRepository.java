package org.ncs.document;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DocumentRepository extends JpaRepository<Document, String> {

  List<Document> findByEngagementIdOrderByCreatedAt(String engagementId);

  Optional<Document> findByIdAndEngagementId(String id, String engagementId);
}
