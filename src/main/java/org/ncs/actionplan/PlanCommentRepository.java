package org.ncs.actionplan;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlanCommentRepository extends JpaRepository<PlanComment, String> {

  List<PlanComment> findByVersionIdOrderByCreatedAt(String versionId);

  List<PlanComment> findByVersionIdInOrderByCreatedAt(Collection<String> versionIds);

  boolean existsByVersionId(String versionId);
}
