package org.ncs.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** Append and read only: the trail is never changed. */
interface AuditEventRepository extends Repository<AuditEvent, String> {

  AuditEvent save(AuditEvent event);

  Page<AuditEvent> findByEngagementIdOrderByOccurredAtDescIdDesc(String engagementId, Pageable page);

  long countByEngagementIdAndAction(String engagementId, String action);
}
