package org.ncs.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only record of every change of state. Recording joins the caller's transaction: a change and its
 * record commit together or not at all.
 */
@Service
public class AuditTrail {

  private final AuditEventRepository events;
  private final ObjectMapper json;
  private final Clock clock;

  AuditTrail(AuditEventRepository events, ObjectMapper json, Clock clock) {
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  /**
   * @param details what changed; serialized as JSON, may be empty
   */
  @Transactional
  public void record(String actor, String tenantId, String engagementId, String action, String subject,
      Map<String, ?> details) {
    String detailsJson;
    try {
      detailsJson = details == null || details.isEmpty() ? null : json.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Audit details must be serializable", e);
    }
    events.save(new AuditEvent(clock.instant(), actor == null ? "system" : actor, tenantId, engagementId, action,
        subject, detailsJson));
  }

  /** An engagement's trail, newest first. */
  @Transactional(readOnly = true)
  public Page<AuditEvent> forEngagement(String engagementId, Pageable page) {
    return events.findByEngagementIdOrderByOccurredAtDescIdDesc(engagementId, page);
  }

  /** When something last happened in each of these engagements, in one query. */
  @Transactional(readOnly = true)
  public Map<String, Instant> lastActivity(Collection<String> engagementIds) {
    if (engagementIds.isEmpty()) {
      return Map.of();
    }
    Map<String, Instant> latest = new HashMap<>();
    events.latestByEngagement(engagementIds).forEach(row -> latest.put((String) row[0], (Instant) row[1]));
    return latest;
  }

  @Transactional(readOnly = true)
  public long count(String engagementId, String action) {
    return events.countByEngagementIdAndAction(engagementId, action);
  }
}
