package org.ncs.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.ncs.security.CurrentUser;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifications a person sees in the pages (the bell): those addressed to them, and those of their roles in
 * their countries; each read or not, for them. One statement for a page of them, one for the unread count.
 */
@Service
public class PersonNotifications {

  /** A notification as a person sees it; {@code read} is theirs. */
  public record Seen(String id, NotificationKind kind, String taskId, String engagementId, String subject,
      Instant createdAt, boolean read) {
  }

  private static final String MINE = """
       from notification n
       left join notification_read r on r.notification_id = n.id and r.user_id = :user
      where (n.recipient_user = :user or (n.recipient_group in (:groups) and n.tenant_id in (:tenants)))
      """;

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  PersonNotifications(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The person's notifications, newest first. */
  @Transactional(readOnly = true)
  public List<Seen> of(CurrentUser user, int page, int size) {
    MapSqlParameterSource parameters = parameters(user).addValue("size", size).addValue("offset", page * size);
    return jdbc.query("select n.id, n.kind, n.task_id, n.engagement_id, n.subject, n.created_at, r.read_at" + MINE
        + " order by n.created_at desc, n.id limit :size offset :offset", parameters, (row, i) -> new Seen(
            row.getString("id"), NotificationKind.valueOf(row.getString("kind")), row.getString("task_id"),
            row.getString("engagement_id"), row.getString("subject"), row.getTimestamp("created_at").toInstant(),
            row.getTimestamp("read_at") != null));
  }

  @Transactional(readOnly = true)
  public long unread(CurrentUser user) {
    Long count = jdbc.queryForObject("select count(*)" + MINE + " and r.read_at is null", parameters(user),
        Long.class);
    return count == null ? 0 : count;
  }

  /** Marks some of the person's notifications read (others' ids change nothing); all of them when none named. */
  @Transactional
  public void read(CurrentUser user, Collection<String> ids) {
    MapSqlParameterSource parameters = parameters(user);
    String only = ids.isEmpty() ? "" : " and n.id in (:ids)";
    if (!ids.isEmpty()) {
      parameters.addValue("ids", ids);
    }
    List<String> unread = jdbc.queryForList("select n.id" + MINE + " and r.read_at is null" + only, parameters,
        String.class);
    List<Map<String, Object>> rows = new ArrayList<>();
    unread.forEach(id -> rows.add(Map.of("user", user.id(), "id", id, "at", Timestamp.from(clock.instant()))));
    if (!rows.isEmpty()) {
      jdbc.batchUpdate("insert into notification_read (user_id, notification_id, read_at) values (:user, :id, :at)",
          rows.stream().map(MapSqlParameterSource::new).toArray(MapSqlParameterSource[]::new));
    }
  }

  private static MapSqlParameterSource parameters(CurrentUser user) {
    // an empty list is no valid SQL: a value no group or country has stands in
    List<String> groups = user.groups().isEmpty() ? List.of("-") : List.copyOf(user.groups());
    List<String> tenants = user.tenants().isEmpty() ? List.of("-") : List.copyOf(user.tenants());
    return new MapSqlParameterSource("user", user.id()).addValue("groups", groups).addValue("tenants", tenants);
  }
}
