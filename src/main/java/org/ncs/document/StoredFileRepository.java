package org.ncs.document;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StoredFileRepository extends JpaRepository<StoredFile, String> {

  Optional<StoredFile> findByIdAndEngagementId(String id, String engagementId);

  /** What the engagement's files take up, in bytes. */
  @Query("select coalesce(sum(f.size), 0) from StoredFile f where f.engagementId = ?1")
  long totalSize(String engagementId);
}
