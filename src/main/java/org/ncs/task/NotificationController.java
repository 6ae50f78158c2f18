package org.ncs.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.ncs.notification.PersonNotifications;
import org.ncs.security.CurrentUsers;
import org.ncs.task.Notices.NoticePage;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
@Validated
@Tag(name = "Notifications", description = "What you are told in the pages (the bell): tasks waiting for you or "
    + "come back to you, due or overdue, newest first, each read or not")
class NotificationController {

  private final Notices notices;
  private final PersonNotifications notifications;
  private final CurrentUsers users;

  NotificationController(Notices notices, PersonNotifications notifications, CurrentUsers users) {
    this.notices = notices;
    this.notifications = notifications;
    this.users = users;
  }

  @GetMapping
  @Operation(summary = "Your notifications, newest first, and how many are unread")
  NoticePage list(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return notices.of(users.current(), page, size);
  }

  @PostMapping("/{id}/read")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Mark one of your notifications read")
  void read(@PathVariable @Pattern(regexp = TaskPages.ID, message = "{validation.id}") String id) {
    notifications.read(users.current(), List.of(id));
  }

  @PostMapping("/read")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Mark all your notifications read")
  void readAll() {
    notifications.read(users.current(), List.of());
  }
}
