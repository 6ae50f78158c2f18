package org.ncs.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
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
 * A notification as an email to one person, in their language: a plain-text part and an HTML part (right to left
 * in Arabic) from {@code templates/mail/notification.html}, with a link to the task in our pages.
 */
@Component
class MailMessages {

  private final SpringTemplateEngine templates;
  private final HistoryService history;
  private final String from;
  private final String publicUrl;

  MailMessages(SpringTemplateEngine templates, ProcessEngine engine,
      @Value("${ncs.mail.from:NCS Lifecycle <no-reply@localhost>}") String from,
      @Value("${ncs.public-url:http://localhost:8080}") String publicUrl) {
    this.templates = templates;
    this.history = engine.getHistoryService();
    this.from = from;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  MimeMessagePreparator of(Notification notification, MailDelivery delivery) {
    Locale language = Languages.of(delivery.language()).orElse(Locale.ENGLISH);
    Locale before = LocaleContextHolder.getLocale();
    LocaleContextHolder.setLocale(language);
    try {
      String task = taskName(notification);
      String kind = notification.kind().name();
      String subject = Messages.get(language, "mail.subject." + kind, task);
      String body = Messages.get(language, "mail.body." + kind, task);
      String link = notification.taskId() == null ? publicUrl + "/" : publicUrl + "/tasks/" + notification.taskId();
      String open = Messages.get(language, "mail.open");
      String footer = Messages.get(language, "mail.footer");
      String text = body + "\n\n" + open + ": " + link + "\n\n-- \n" + footer + "\n";
      Context context = new Context(language);
      context.setVariable("subject", subject);
      context.setVariable("body", body);
      context.setVariable("link", link);
      context.setVariable("open", open);
      context.setVariable("footer", footer);
      context.setVariable("rtl", Languages.isRightToLeft(language));
      String html = templates.process("mail/notification", context);
      return message -> fill(message, delivery.email(), subject, text, html);
    } finally {
      LocaleContextHolder.setLocale(before);
    }
  }

  private void fill(MimeMessage message, String to, String subject, String text, String html)
      throws MessagingException {
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(from);
    helper.setTo(to);
    helper.setSubject(subject);
    helper.setText(text, html);
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
