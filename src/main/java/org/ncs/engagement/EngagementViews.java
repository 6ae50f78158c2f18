package org.ncs.engagement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ncs.audit.AuditEvent;
import org.ncs.lifecycle.OpenTask;

/** What the API answers about engagements. */
public final class EngagementViews {

  private EngagementViews() {
  }

  /** @param region the country's ITU region (africa, americas, arab-states, asia-pacific, cis, europe), if any */
  public record CountryRef(String code, String name, String region) {
  }

  public record EngagementSummary(String id, CountryRef country, String title, EngagementStatus status, int cycle,
      List<String> partners, LocalDate strategyEndDate, Instant createdAt, String createdBy) {

    static EngagementSummary of(Engagement engagement, CountryRef country) {
      return new EngagementSummary(engagement.id(), country,
          engagement.title(), engagement.status(), engagement.cycle(), engagement.partners(),
          engagement.strategyEndDate(), engagement.createdAt(), engagement.createdBy());
    }
  }

  public record PhaseView(String id, String title) {
  }

  /**
   * @param phases the phases under way, from the engine (implementation and monitoring run side by side)
   * @param openTasks every task waiting for someone, earliest due first
   */
  public record EngagementDetail(EngagementSummary engagement, String reportingCadence, String monitoringCadence,
      String gracePeriod, Map<String, String> taskDurations, List<PhaseView> phases, List<OpenTask> openTasks,
      long overdueTasks, List<MemberView> members) {
  }

  public record MemberView(String id, String userId, String role, Instant addedAt, String addedBy) {

    static MemberView of(Member member) {
      return new MemberView(member.id(), member.userId(), member.role(), member.addedAt(), member.addedBy());
    }
  }

  /** A registered organisation with the people who answer for it (user ids, in order). */
  public record StakeholderView(String id, String organisation, String category, String contactName, String contactEmail,
      Instant createdAt, List<String> people) {

    static StakeholderView of(Stakeholder stakeholder) {
      return new StakeholderView(stakeholder.id(), stakeholder.organisation(), stakeholder.category(),
          stakeholder.contactName(), stakeholder.contactEmail(), stakeholder.createdAt(),
          List.copyOf(stakeholder.people()));
    }
  }

  public record CommentView(String id, String taskId, String author, String body, Instant createdAt) {

    static CommentView of(Comment comment) {
      return new CommentView(comment.id(), comment.taskId(), comment.author(), comment.body(), comment.createdAt());
    }
  }

  /** An entry of the history; {@code comment} is the text of the comment a COMMENT_ADDED entry records. */
  public record HistoryEntry(Instant at, String actor, String action, String subject, JsonNode details,
      String comment) {

    static HistoryEntry of(AuditEvent event, ObjectMapper json) {
      try {
        return new HistoryEntry(event.occurredAt(), event.actor(), event.action(), event.subject(),
            event.details() == null ? null : json.readTree(event.details()), null);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Audit details are not JSON", e);
      }
    }

    /** The id of the comment a COMMENT_ADDED entry records, else null. */
    String commentId() {
      return "COMMENT_ADDED".equals(action) && details != null ? details.path("comment").asText(null) : null;
    }

    HistoryEntry withComment(String text) {
      return new HistoryEntry(at, actor, action, subject, details, text);
    }
  }
}
