package org.ncs.mail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.ncs.security.CurrentUsers;
import org.ncs.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What mail delivery is stuck on, for administrators. */
@RestController
@Tag(name = "Mail", description = "Emails of notifications that are waiting or that failed for good (administrators)")
class MailDeliveryController {

  /** A delivery as an administrator sees it. */
  record DeliveryView(String id, String notificationId, String userId, String state, int attempts,
      Instant nextAttemptAt, String lastError) {

    static DeliveryView of(MailDelivery delivery) {
      return new DeliveryView(delivery.getId(), delivery.notificationId(), delivery.userId(),
          delivery.state().name(), delivery.attempts(), delivery.nextAttemptAt(), delivery.lastError());
    }
  }

  private final MailDeliveryRepository deliveries;
  private final CurrentUsers users;

  MailDeliveryController(MailDeliveryRepository deliveries, CurrentUsers users) {
    this.deliveries = deliveries;
    this.users = users;
  }

  @GetMapping("/api/mail-deliveries")
  @Operation(summary = "Emails in a state: DEAD (failed too often, the default) or PENDING (waiting to be sent)")
  List<DeliveryView> deliveries(@RequestParam(defaultValue = "DEAD") MailDelivery.State state) {
    if (!users.current().isAdmin()) {
      throw new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
          Messages.get("mail.adminsOnly")), null);
    }
    return deliveries.findTop100ByStateOrderByNextAttemptAt(state).stream().map(DeliveryView::of).toList();
  }
}
