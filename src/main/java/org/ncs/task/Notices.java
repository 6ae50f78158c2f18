package org.ncs.task;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ncs.lifecycle.TaskNames;
import org.ncs.notification.PersonNotifications;
import org.ncs.notification.PersonNotifications.Seen;
import org.ncs.security.CurrentUser;
import org.ncs.web.Messages;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A person's notifications as the pages and the API show them: each named in the reader's language ("Waiting for
 * you: Draft the strategy"), with the task it is about. The tasks' names are read for a whole page at once.
 */
@Component
class Notices {

  /** A notification as shown. */
  record Notice(String id, String kind, String title, String taskId, String engagementId, Instant createdAt,
      boolean read) {
  }

  /** A page of them and how many are unread in all. */
  record NoticePage(long unread, int page, List<Notice> items) {
  }

  /** The step and name of several tasks at once, open or done, from the table the engine keeps them in. */
  private static final String TASKS = "select ID_ as id, TASK_DEF_KEY_ as step, NAME_ as name from ACT_HI_TASKINST"
      + " where ID_ in (:ids)";

  private final PersonNotifications notifications;
  private final NamedParameterJdbcTemplate jdbc;

  Notices(PersonNotifications notifications, NamedParameterJdbcTemplate jdbc) {
    this.notifications = notifications;
    this.jdbc = jdbc;
  }

  NoticePage of(CurrentUser user, int page, int size) {
    List<Seen> seen = notifications.of(user, page, size);
    List<String> taskIds = seen.stream().map(Seen::taskId).filter(Objects::nonNull).distinct().toList();
    Map<String, String> names = new HashMap<>();
    if (!taskIds.isEmpty()) {
      jdbc.query(TASKS, Map.of("ids", taskIds), row -> {
        names.put(row.getString("id"), TaskNames.of(row.getString("step"), row.getString("name")));
      });
    }
    List<Notice> items = seen.stream().map(notice -> new Notice(notice.id(), notice.kind().name(),
        Messages.get("mail.subject." + notice.kind(), names.getOrDefault(String.valueOf(notice.taskId()),
            notice.subject())), notice.taskId(), notice.engagementId(), notice.createdAt(), notice.read()))
        .toList();
    return new NoticePage(notifications.unread(user), page, items);
  }
}
