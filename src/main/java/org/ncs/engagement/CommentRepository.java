package org.ncs.engagement;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface CommentRepository extends JpaRepository<Comment, String> {

  List<Comment> findByEngagementIdAndIdIn(String engagementId, Collection<String> ids);

  Page<Comment> findByEngagementIdOrderByCreatedAtDesc(String engagementId, Pageable page);

  Page<Comment> findByEngagementIdAndTaskIdOrderByCreatedAtDesc(String engagementId, String taskId, Pageable page);
}
