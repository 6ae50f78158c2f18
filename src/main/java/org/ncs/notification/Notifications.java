package org.ncs.notification;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
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
  public Optional<Notification> find(String id) {
    return notifications.findById(id);
  }

  /** Notifications not yet handed to delivery, oldest first, a batch at a time. */
  @Transactional(readOnly = true)
  public List<Notification> undispatched() {
    return notifications.findTop50ByDispatchedAtIsNullOrderByCreatedAt();
  }

  /**
   * Hands a notification to delivery, in the caller's transaction: true for exactly one caller, however many
   * nodes try at once.
   */
  @Transactional
  public boolean dispatch(String id) {
    return notifications.dispatch(id, clock.instant()) == 1;
  }

  @Transactional(readOnly = true)
  public List<Notification> forTask(String taskId) {
    return notifications.findByTaskIdOrderByCreatedAt(taskId);
  }
}
