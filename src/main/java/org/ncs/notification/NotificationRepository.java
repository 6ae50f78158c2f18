package org.ncs.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, String> {

  List<Notification> findByTaskIdOrderByCreatedAt(String taskId);

  List<Notification> findTop50ByDispatchedAtIsNullOrderByCreatedAt();

  /** Takes the notification for dispatch: 1 if this caller did, 0 if another node was first. */
  @Modifying
  @Query("update Notification n set n.dispatchedAt = ?2 where n.id = ?1 and n.dispatchedAt is null")
  int dispatch(String id, Instant at);
}
