package org.ncs.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, String> {

  List<Notification> findByTaskIdOrderByCreatedAt(String taskId);
}
