package org.ncs.notification;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of messages owed to people. Recording joins the caller's transaction, so a reminder exists exactly
 * when the engine step that raised it has committed.
 */
@Service
public class Notifications {

  private final NotificationRepository notifications;
  private final Clock clock;

  Notifications(NotificationRepository notifications, Clock clock) {
    this.notifications = notifications;
    this.clock = clock;
  }

  @Transactional
  public Notification record(NotificationRequest request) {
    return notifications.save(new Notification(request, clock.instant()));
  }

  @Transactional(readOnly = true)
  public List<Notification> forTask(String taskId) {
    return notifications.findByTaskIdOrderByCreatedAt(taskId);
  }
}
