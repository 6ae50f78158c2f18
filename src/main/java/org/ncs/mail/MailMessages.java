package org.ncs.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.ncs.lifecycle.TaskNames;
import org.ncs.notification.Notification;
import org.ncs.web.Languages;
import org.ncs.web.Messages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.mail.javamail.MimeMessagePreparator;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Notifications as an email to one person, in their language: a plain-text part and an HTML part (right to left
 * in Arabic) from {@code templates/mail/notification.html}, each notification with a link to its task in our
 * pages; one notification, or a day's in a digest. Every email says where to choose how one is told and carries
 * its unsubscribe link, also as the {@code List-Unsubscribe} header mail readers offer as a button (RFC 8058).
 */
@Component
class MailMessages {

  /** One notification as the email says it. */
  record Item(String title, String body, String detail, String link, String open) {
  }

  private final SpringTemplateEngine templates;
  private final HistoryService history;
  private final UnsubscribeLinks unsubscribe;
  private final String from;
  private final String publicUrl;

  MailMessages(SpringTemplateEngine templates, ProcessEngine engine, UnsubscribeLinks unsubscribe,
      @Value("${ncs.mail.from:NCS Lifecycle <no-reply@localhost>}") String from,
      @Value("${ncs.public-url:http://localhost:8080}") String publicUrl) {
    this.templates = templates;
    this.history = engine.getHistoryService();
    this.unsubscribe = unsubscribe;
    this.from = from;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** The email of one notification: its subject is the notification's title. */
  MimeMessagePreparator of(Notification notification, MailDelivery delivery) {
    return message(delivery, List.of(notification), false);
  }

  /** The day's digest: one email listing each notification. */
  MimeMessagePreparator digest(List<Notification> notifications, MailDelivery delivery) {
    return message(delivery, notifications, true);
  }

  private MimeMessagePreparator message(MailDelivery delivery, List<Notification> notifications, boolean digest) {
    Locale language = Languages.of(delivery.language()).orElse(Locale.ENGLISH);
    Locale before = LocaleContextHolder.getLocale();
    LocaleContextHolder.setLocale(language);
    try {
      List<Item> items = notifications.stream().map(notification -> item(notification, language)).toList();
      String subject = digest ? Messages.get(language, "mail.digest.subject", items.size()) : items.get(0).title();
      String intro = digest ? Messages.get(language, "mail.digest.intro", items.size()) : null;
      String unsubscribeLink = unsubscribe.of(delivery);
      String settingsLink = publicUrl + "/notifications/settings";
      Context context = new Context(language);
      context.setVariable("subject", subject);
      context.setVariable("intro", intro);
      context.setVariable("items", items);
      context.setVariable("digest", digest);
      context.setVariable("settingsLink", settingsLink);
      context.setVariable("unsubscribeLink", unsubscribeLink);
      context.setVariable("rtl", Languages.isRightToLeft(language));
      String html = templates.process("mail/notification", context);
      String text = text(language, intro, items, settingsLink, unsubscribeLink);
      return message -> fill(message, delivery.email(), subject, text, html, unsubscribeLink);
    } finally {
      LocaleContextHolder.setLocale(before);
    }
  }

  private Item item(Notification notification, Locale language) {
    String task = taskName(notification);
    String kind = notification.kind().name();
    String link = publicUrl + (notification.taskId() != null ? "/tasks/" + notification.taskId()
        : notification.engagementId() != null ? "/engagements/" + notification.engagementId() : "/");
    return new Item(Messages.get(language, "mail.subject." + kind, task), Messages.get(language, "mail.body." + kind,
        task), notification.detail(), link,
        Messages.get(language, notification.taskId() != null ? "mail.open" : "mail.openEngagement"));
  }

  private static String text(Locale language, String intro, List<Item> items, String settingsLink,
      String unsubscribeLink) {
    List<String> paragraphs = new ArrayList<>();
    if (intro != null) {
      paragraphs.add(intro);
    }
    for (Item item : items) {
      StringBuilder paragraph = new StringBuilder();
      if (intro != null) {
        paragraph.append("* ").append(item.title()).append('\n');
      }
      paragraph.append(item.body());
      if (item.detail() != null) {
        paragraph.append("\n\n").append(Messages.get(language, "mail.reasons")).append('\n').append(item.detail());
      }
      paragraph.append("\n").append(item.open()).append(": ").append(item.link());
      paragraphs.add(paragraph.toString());
    }
    paragraphs.add("-- \n" + Messages.get(language, "mail.footer") + "\n" + Messages.get(language, "mail.settings")
        + ": " + settingsLink + "\n" + Messages.get(language, "mail.unsubscribe") + ": " + unsubscribeLink);
    return String.join("\n\n", paragraphs) + "\n";
  }

  private void fill(MimeMessage message, String to, String subject, String text, String html, String unsubscribeLink)
      throws MessagingException {
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(from);
    helper.setTo(to);
    helper.setSubject(subject);
    helper.setText(text, html);
    message.setHeader("List-Unsubscribe", "<" + unsubscribeLink + ">");
    message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    message.setHeader("Auto-Submitted", "auto-generated");
  }

  /** The task's name in the reader's language, whether it is still open or already done. */
  private String taskName(Notification notification) {
    if (notification.taskId() == null) {
      return notification.subject();
    }
    HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(notification.taskId())
        .singleResult();
    return task == null ? notification.subject() : TaskNames.of(task.getTaskDefinitionKey(), task.getName());
  }
}
