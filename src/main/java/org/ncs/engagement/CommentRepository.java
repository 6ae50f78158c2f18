package org.ncs.engagement;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface CommentRepository extends JpaRepository<Comment, String> {

  Page<Comment> findByEngagementIdOrderByCreatedAtDesc(String engagementId, Pageable page);

  Page<Comment> findByEngagementIdAndTaskIdOrderByCreatedAtDesc(String engagementId, String taskId, Pageable page);
}
