package org.ncs.actionplan;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlanCommentRepository extends JpaRepository<PlanComment, String> {

  List<PlanComment> findByVersionIdOrderByCreatedAt(String versionId);

  boolean existsByVersionId(String versionId);
}
