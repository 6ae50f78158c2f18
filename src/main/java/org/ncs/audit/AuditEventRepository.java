package org.ncs.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Append and read only: the trail is never changed. */
interface AuditEventRepository extends Repository<AuditEvent, String> {

  AuditEvent save(AuditEvent event);

  Page<AuditEvent> findByEngagementIdOrderByOccurredAtDescIdDesc(String engagementId, Pageable page);

  long countByEngagementIdAndAction(String engagementId, String action);

  /** Each engagement's latest event: engagement id, then the moment. */
  @Query("select e.engagementId, max(e.occurredAt) from AuditEvent e where e.engagementId in :ids "
      + "group by e.engagementId")
  List<Object[]> latestByEngagement(Collection<String> ids);
}
