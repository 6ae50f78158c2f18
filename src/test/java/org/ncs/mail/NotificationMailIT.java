package org.ncs.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ncs.lifecycle.LifecycleDriver;
import org.ncs.testing.Api;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.TestCountries;
import org.ncs.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox delivered by email to a real SMTP server (GreenMail, on the port the test configuration names): a
 * task that falls due is mailed to the people of its role in its country, in their language, once; nobody of
 * another country hears of it; an SMTP server that is away delays the mail, it does not lose it; two nodes
 * polling at once never send the same mail twice.
 */
@IntegrationTest
class NotificationMailIT {

  @Autowired
  TestRestTemplate http;
  @Autowired
  ObjectMapper json;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  MailOutbox outbox;

  GreenMail smtp;
  Api officer;

  @BeforeEach
  void smtpServer() {
    smtp = new GreenMail(new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    officer = new Api(http, json, TestUsers.create(engine, "itu", List.of("itu-officer"), List.of()));
    // what other tests left in the outbox is not this test's to send
    jdbc.update("update notification set dispatched_at = ? where dispatched_at is null", Timestamp.from(Instant.now()));
    jdbc.update("update mail_delivery set state = 'SENT' where state = 'PENDING'");
  }

  @AfterEach
  void stop() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void aTaskThatFallsDueIsMailedOnceToItsRoleInItsCountryInTheirLanguage() throws Exception {
    String engagement = engagement();
    String executive = member(engagement, "executive");
    String colleague = member(engagement, "executive");
    jdbc.update("insert into user_preference (user_id, language, updated_at) values (?, 'fr', ?)", colleague,
        Timestamp.from(Instant.now()));
    String arabic = member(engagement, "executive");
    jdbc.update("insert into user_preference (user_id, language, updated_at) values (?, 'ar', ?)", arabic,
        Timestamp.from(Instant.now()));
    String elsewhere = member(engagement(), "executive");

    settled();
    fallDue(engagement, "Timer_IdentifyLeadAuthorityDue");
    outbox.dispatch();
    assertThat(outbox.send()).isEqualTo(3);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(3);
    assertThat(recipients(received)).containsExactlyInAnyOrder(executive + "@example.org",
        colleague + "@example.org", arabic + "@example.org").doesNotContain(elsewhere + "@example.org");
    MimeMessage english = byRecipient(received, executive);
    assertThat(english.getSubject()).isEqualTo("Due now: Identify the lead project authority");
    String[] parts = parts(english);
    assertThat(parts[0]).contains("has reached its due date", "/tasks/");
    assertThat(parts[1]).contains("<a href=\"http://localhost:8080/tasks/", "lang=\"en\"");
    MimeMessage french = byRecipient(received, colleague);
    assertThat(french.getSubject()).startsWith("Échéance atteinte : ");
    String[] arabicParts = parts(byRecipient(received, arabic));
    assertThat(arabicParts[1]).contains("dir=\"rtl\"", "lang=\"ar\"");
    // kept for a look in a browser (target/mail)
    Path kept = Files.createDirectories(Path.of("target", "mail"));
    Files.writeString(kept.resolve("reminder-en.html"), parts[1]);
    Files.writeString(kept.resolve("reminder-ar.html"), arabicParts[1]);

    // polled again, by this node or another: nothing more
    outbox.dispatch();
    assertThat(outbox.send()).isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(3);
    assertThat(officer.get("/api/engagements/" + engagement + "/history?size=50").body().path("items")
        .findValuesAsText("action")).contains("MAIL_SENT");
  }

  @Test
  void whileTheSmtpServerIsAwayTheMailWaitsAndArrivesOnceItIsBack() throws Exception {
    String engagement = engagement();
    String executive = member(engagement, "executive");
    String unlucky = member(engagement, "executive");
    smtp.stop();
    settled();

    fallDue(engagement, "Timer_IdentifyLeadAuthorityDue");
    outbox.dispatch();
    assertThat(outbox.send()).isZero();
    Map<String, Object> waiting = jdbc.queryForMap("select state, attempts, next_attempt_at from mail_delivery"
        + " where user_id = ?", executive);
    assertThat(value(waiting, "state")).isEqualTo("PENDING");
    assertThat(((Number) value(waiting, "attempts")).intValue()).isEqualTo(1);
    assertThat(((Timestamp) value(waiting, "next_attempt_at")).toInstant()).isAfter(Instant.now());
    // not due yet: nothing is tried
    assertThat(outbox.send()).isZero();
    // one that has failed too often is dead, and administrators see it
    jdbc.update("update mail_delivery set attempts = 7, next_attempt_at = ? where user_id = ?", due(), unlucky);
    assertThat(outbox.send()).isZero();
    Api admin = new Api(http, json, TestUsers.create(engine, "admin", List.of("camunda-admin"), List.of()));
    assertThat(admin.get("/api/mail-deliveries?state=DEAD").body().findValuesAsText("userId")).contains(unlucky)
        .doesNotContain(executive);
    assertThat(new Api(http, json, executive).get("/api/mail-deliveries").status()).isEqualTo(403);

    smtp = new GreenMail(new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    jdbc.update("update mail_delivery set next_attempt_at = ? where user_id = ?", due(), executive);
    // a dead one stays dead, whenever its time would have come
    jdbc.update("update mail_delivery set next_attempt_at = ? where user_id = ?", due(), unlucky);
    assertThat(outbox.send()).isEqualTo(1);
    assertThat(recipients(smtp.getReceivedMessages())).containsExactly(executive + "@example.org");
  }

  @Test
  void twoNodesPollingAtOnceNeverSendTheSameMailTwice() throws Exception {
    List<String> people = new ArrayList<>();
    List<String> engagements = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      engagements.add(engagement());
      for (int j = 0; j < 3; j++) {
        people.add(member(engagements.get(i), "executive"));
      }
    }
    settled();
    engagements.forEach(engagement -> fallDue(engagement, "Timer_IdentifyLeadAuthorityDue"));

    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> outbox.dispatch() + outbox.send());
    CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> outbox.dispatch() + outbox.send());
    first.get();
    second.get();
    outbox.dispatch();
    outbox.send();

    assertThat(recipients(smtp.getReceivedMessages())).hasSize(people.size())
        .containsExactlyInAnyOrderElementsOf(people.stream().map(person -> person + "@example.org").toList());
  }

  @Test
  void aNewTaskAndATaskThatComesBackAreMailedToThoseItWaitsFor() throws Exception {
    String engagement = engagement();
    String executive = member(engagement, "executive");
    String lead = member(engagement, "lead-authority");

    outbox.dispatch();
    outbox.send();
    assertThat(subjectsTo(executive)).containsExactly("Waiting for you: Identify the lead project authority");

    LifecycleDriver driver = new LifecycleDriver(engine);
    for (String step : List.of("Task_IdentifyLeadAuthority", "Task_EstablishSteeringCommittee",
        "Task_EngageStakeholders", "Task_PlanDevelopment")) {
      driver.complete(task(engagement, step), Map.of());
    }
    driver.complete(task(engagement, "Task_ApprovePlan"), Map.of("planDecision", "returned",
        "planReturnReasons", "Add a budget for the consultation rounds."));
    outbox.dispatch();
    outbox.send();

    assertThat(subjectsTo(lead)).contains("Waiting for you: Plan the development of the strategy",
        "Back to you: Plan the development of the strategy");
    assertThat(subjectsTo(executive)).contains("Waiting for you: Approve the development plan");
    // work sent back says why, in both parts
    String[] back = parts(bySubject(lead, "Back to you: Plan the development of the strategy"));
    assertThat(back[0]).containsSubsequence("has come back to you", "Reasons given:",
        "Add a budget for the consultation rounds.", "Open the task: ");
    assertThat(back[1]).contains("Add a budget for the consultation rounds.</blockquote>");
  }

  @Test
  void aDailyDigestSendsTheDaysNotificationsInOneEmailAtThePersonsHour() throws Exception {
    String engagement = engagement();
    String executive = member(engagement, "executive");
    Api mine = new Api(http, json, executive);
    assertThat(mine.get("/api/notifications/preferences").body().path("delivery").asText()).isEqualTo("IMMEDIATE");
    assertThat(mine.exchange(HttpMethod.PUT, "/api/notifications/preferences", Map.of("delivery", "DAILY",
        "digestHour", 7, "timeZone", "Africa/Kigali")).status()).isEqualTo(200);

    fallDue(engagement, "Timer_IdentifyLeadAuthorityDue");
    outbox.dispatch();
    outbox.send();
    assertThat(subjectsTo(executive)).isEmpty();
    List<Instant> waiting = jdbc.queryForList("select next_attempt_at from mail_delivery where user_id = ?",
        Timestamp.class, executive).stream().map(Timestamp::toInstant).distinct().toList();
    assertThat(waiting).hasSize(1);
    Instant due = waiting.get(0);
    ZonedDateTime atKigali = due.atZone(ZoneId.of("Africa/Kigali"));
    assertThat(atKigali.getHour()).isEqualTo(7);
    assertThat(due).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofHours(24)));

    // the hour comes: one email with both, and nothing more after it
    jdbc.update("update mail_delivery set next_attempt_at = ? where user_id = ?", due(), executive);
    outbox.send();
    outbox.send();
    assertThat(subjectsTo(executive)).containsExactly("Your daily summary: 2 notifications");
    String[] digest = parts(bySubject(executive, "Your daily summary: 2 notifications"));
    assertThat(digest[0]).contains("* Waiting for you: Identify the lead project authority",
        "* Due now: Identify the lead project authority");
    assertThat(digest[1]).contains("Waiting for you: Identify the lead project authority",
        "Due now: Identify the lead project authority");
    assertThat(jdbc.queryForList("select state from mail_delivery where user_id = ?", String.class, executive))
        .containsOnly("SENT").hasSize(2);
    Files.writeString(Files.createDirectories(Path.of("target", "mail")).resolve("digest-en.html"), digest[1]);
  }

  @Test
  void twoNodesSendingDigestsAtOnceSendEachPersonOneEmail() throws Exception {
    List<String> people = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String engagement = engagement();
      String person = member(engagement, "executive");
      people.add(person);
      new Api(http, json, person).exchange(HttpMethod.PUT, "/api/notifications/preferences", Map.of("delivery",
          "DAILY", "digestHour", 7, "timeZone", "UTC"));
      fallDue(engagement, "Timer_IdentifyLeadAuthorityDue");
    }
    outbox.dispatch();
    people.forEach(person -> jdbc.update("update mail_delivery set next_attempt_at = ? where user_id = ?", due(),
        person));

    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(outbox::send);
    CompletableFuture<Integer> second = CompletableFuture.supplyAsync(outbox::send);
    assertThat(first.get() + second.get()).isEqualTo(3);
    outbox.send();

    assertThat(recipients(smtp.getReceivedMessages())).containsExactlyInAnyOrderElementsOf(
        people.stream().map(person -> person + "@example.org").toList());
    for (String person : people) {
      assertThat(subjectsTo(person)).containsExactly("Your daily summary: 2 notifications");
    }
  }

  @Test
  void preferencesRefuseWhatIsNotAChoiceFieldByFieldAndChangeNothing() {
    String executive = member(engagement(), "executive");
    Api mine = new Api(http, json, executive);
    Api.Response refused = mine.exchange(HttpMethod.PUT, "/api/notifications/preferences", Map.of("delivery",
        "WEEKLY", "digestHour", 24, "timeZone", "Mars/Olympus"));
    assertThat(refused.status()).isEqualTo(400);
    refused = mine.exchange(HttpMethod.PUT, "/api/notifications/preferences", Map.of("delivery", "DAILY",
        "digestHour", 24, "timeZone", "Mars/Olympus"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("errors").findValuesAsText("field")).contains("digestHour");
    refused = mine.exchange(HttpMethod.PUT, "/api/notifications/preferences", Map.of("delivery", "DAILY",
        "digestHour", 6, "timeZone", "Mars/Olympus"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("timeZone");
    assertThat(mine.get("/api/notifications/preferences").body().path("delivery").asText()).isEqualTo("IMMEDIATE");
  }

  @Test
  void theUnsubscribeLinkWorksOnceWithoutSigningInAndForNothingElse() throws Exception {
    String engagement = engagement();
    String executive = member(engagement, "executive");
    String colleague = member(engagement, "executive");
    outbox.dispatch();
    outbox.send();
    MimeMessage mail = bySubject(executive, "Waiting for you: Identify the lead project authority");
    assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    String link = mail.getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
    assertThat(parts(mail)[0]).contains("Unsubscribe from these emails: " + link);
    String token = link.substring(link.indexOf("token=") + "token=".length());
    String theirs = unsubscribeToken(bySubject(colleague, "Waiting for you: Identify the lead project authority"));

    // altered or made up: refused, and nothing changes
    String[] pieces = token.split("\\.");
    String otherDelivery = theirs.split("\\.")[0] + "." + pieces[1] + "." + pieces[2];
    String longer = pieces[0] + "." + (Long.parseLong(pieces[1]) + 86_400) + "." + pieces[2];
    for (String forged : List.of(otherDelivery, longer, pieces[0] + "." + pieces[1] + ".AAAA", "nonsense")) {
      assertThat(anonymous(HttpMethod.POST, forged).getStatusCode().value()).as(forged).isEqualTo(404);
    }
    assertThat(new Api(http, json, colleague).get("/api/notifications/preferences").body().path("delivery")
        .asText()).isEqualTo("IMMEDIATE");

    // opening the link only asks; the button (or a mail reader's one click) unsubscribes, once
    ResponseEntity<String> asked = anonymous(HttpMethod.GET, token);
    assertThat(asked.getStatusCode().value()).isEqualTo(200);
    assertThat(asked.getBody()).contains("Stop receiving emails of your notifications?");
    ResponseEntity<String> done = anonymous(HttpMethod.POST, token);
    assertThat(done.getStatusCode().value()).isEqualTo(200);
    assertThat(done.getBody()).contains("you will receive no more emails");
    assertThat(anonymous(HttpMethod.POST, token).getStatusCode().value()).isEqualTo(410);
    Api mine = new Api(http, json, executive);
    assertThat(mine.get("/api/notifications/preferences").body().path("delivery").asText()).isEqualTo("IN_APP");
    assertThat(new Api(http, json, colleague).get("/api/notifications/preferences").body().path("delivery")
        .asText()).isEqualTo("IMMEDIATE");
    // it signed nobody in: whatever the link's response set, the service still asks who is calling
    HttpHeaders cookies = new HttpHeaders();
    done.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).forEach(cookie -> cookies.add(HttpHeaders.COOKIE,
        cookie.split(";")[0]));
    assertThat(http.exchange("/api/notifications/preferences?token=" + token, HttpMethod.GET,
        new HttpEntity<>(cookies), String.class).getStatusCode().value()).isEqualTo(401);

    // no more email for them; the bell still tells them, and their colleague is still mailed
    fallDue(engagement, "Timer_IdentifyLeadAuthorityDue");
    outbox.dispatch();
    outbox.send();
    assertThat(subjectsTo(executive)).containsExactly("Waiting for you: Identify the lead project authority");
    assertThat(subjectsTo(colleague)).contains("Due now: Identify the lead project authority");
    assertThat(mine.get("/api/notifications").body().path("items").findValuesAsText("title"))
        .contains("Due now: Identify the lead project authority");
  }

  @Test
  void aCommentThatMentionsSomeoneOfTheTeamTellsThemAndNobodyElse() throws Exception {
    String engagement = engagement();
    String executive = member(engagement, "executive");
    String elsewhere = member(engagement(), "executive");
    settled();

    assertThat(officer.post("/api/engagements/" + engagement + "/comments", Map.of("body",
        "@" + executive + ", please read the plan; cc @" + elsewhere + " and nobody@example.org.")).status())
        .isEqualTo(201);
    JsonNode mine = new Api(http, json, executive).get("/api/notifications").body();
    assertThat(mine.path("items").get(0).path("kind").asText()).isEqualTo("MENTION");
    assertThat(mine.path("items").get(0).path("title").asText()).isEqualTo("Mentioned: A strategy");
    assertThat(new Api(http, json, elsewhere).get("/api/notifications").body().path("items")
        .findValuesAsText("kind")).doesNotContain("MENTION");
    outbox.dispatch();
    outbox.send();
    assertThat(subjectsTo(executive)).containsExactly("Mentioned: A strategy");
    assertThat(parts(bySubject(executive, "Mentioned: A strategy"))[0]).contains("/engagements/" + engagement)
        .doesNotContain("please read the plan");
    assertThat(subjectsTo(elsewhere)).isEmpty();
  }

  /** The email's unsubscribe token, from its header. */
  private static String unsubscribeToken(MimeMessage mail) throws Exception {
    String link = mail.getHeader("List-Unsubscribe")[0];
    return link.substring(link.indexOf("token=") + "token=".length(), link.length() - 1);
  }

  /** The unsubscribe link as someone who is not signed in follows it. */
  private ResponseEntity<String> anonymous(HttpMethod method, String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.TEXT_HTML));
    return http.exchange("/unsubscribe?token={token}", method, new HttpEntity<>(headers), String.class, token);
  }

  private MimeMessage bySubject(String user, String subject) throws Exception {
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (message.getRecipients(Message.RecipientType.TO)[0].toString().startsWith(user + "@")
          && message.getSubject().equals(subject)) {
        return message;
      }
    }
    throw new AssertionError("no mail to " + user + " about " + subject);
  }

  @Test
  void theBellShowsAPersonTheirCountrysNoticesUntilTheyAreRead() {
    String engagement = engagement();
    String executive = member(engagement, "executive");
    String elsewhere = member(engagement(), "executive");
    Api mine = new Api(http, json, executive);

    JsonNode notices = mine.get("/api/notifications").body();
    assertThat(notices.path("unread").asLong()).isEqualTo(1);
    assertThat(notices.path("items").get(0).path("title").asText())
        .isEqualTo("Waiting for you: Identify the lead project authority");
    assertThat(notices.path("items").get(0).path("read").asBoolean()).isFalse();
    assertThat(mine.inLanguage("fr").get("/api/notifications").body().path("items").get(0).path("title").asText())
        .startsWith("En attente de votre part : ");
    // the same role in another country hears only of its own engagement's task
    JsonNode theirs = new Api(http, json, elsewhere).get("/api/notifications").body();
    assertThat(theirs.path("items").findValuesAsText("engagementId")).doesNotContain(engagement);

    assertThat(mine.post("/api/notifications/" + notices.path("items").get(0).path("id").asText() + "/read", null)
        .status()).isEqualTo(204);
    assertThat(mine.get("/api/notifications").body().path("unread").asLong()).isZero();
    // someone else's notice cannot be marked read on their behalf: it is not theirs to see
    String theirNotice = theirs.path("items").get(0).path("id").asText();
    assertThat(mine.post("/api/notifications/" + theirNotice + "/read", null).status()).isEqualTo(204);
    assertThat(new Api(http, json, elsewhere).get("/api/notifications").body().path("unread").asLong())
        .isEqualTo(theirs.path("unread").asLong());
  }

  /** What is waiting in the outbox now is not this test's concern. */
  private void settled() {
    jdbc.update("update notification set dispatched_at = ? where dispatched_at is null", due());
  }

  private List<String> subjectsTo(String user) throws Exception {
    List<String> subjects = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (message.getRecipients(Message.RecipientType.TO)[0].toString().startsWith(user + "@")) {
        subjects.add(message.getSubject());
      }
    }
    return subjects;
  }

  private Task task(String engagement, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(engagement).taskDefinitionKey(key)
        .singleResult();
  }

  private String engagement() {
    return officer.post("/api/engagements", Map.of("country", TestCountries.next(), "title", "A strategy",
        "strategyEndDate", "2031-12-31")).body().path("engagement").path("id").asText();
  }

  private String member(String engagement, String role) {
    String user = TestUsers.create(engine, role, List.of(), List.of());
    assertThat(officer.post("/api/engagements/" + engagement + "/members", Map.of("userId", user, "role", role))
        .status()).isEqualTo(201);
    return user;
  }

  /** The task's due-date timer fires, as the job executor would. */
  private void fallDue(String engagement, String timer) {
    Job job = engine.getManagementService().createJobQuery().timers().activityId(timer).list().stream()
        .filter(candidate -> engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(candidate.getProcessInstanceId()).processInstanceBusinessKey(engagement).count() == 1)
        .findFirst().orElseThrow();
    engine.getManagementService().executeJob(job.getId());
  }

  /** A moment just past: the service's clock counts milliseconds, this one finer. */
  private static Timestamp due() {
    return Timestamp.from(Instant.now().minusSeconds(1));
  }

  private static Object value(Map<String, Object> row, String column) {
    return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
  }

  private static List<String> recipients(MimeMessage[] messages) throws Exception {
    List<String> to = new ArrayList<>();
    for (MimeMessage message : messages) {
      Arrays.stream(message.getRecipients(Message.RecipientType.TO)).forEach(address -> to.add(address.toString()));
    }
    return to;
  }

  private static MimeMessage byRecipient(MimeMessage[] messages, String user) throws Exception {
    for (MimeMessage message : messages) {
      if (message.getRecipients(Message.RecipientType.TO)[0].toString().startsWith(user + "@")) {
        return message;
      }
    }
    throw new AssertionError("no mail to " + user);
  }

  /** The plain-text and the HTML part, wherever the message's multipart structure holds them. */
  private static String[] parts(MimeMessage message) throws Exception {
    String[] parts = new String[2];
    collect(message.getContent(), parts);
    return parts;
  }

  private static void collect(Object content, String[] parts) throws Exception {
    if (content instanceof MimeMultipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        if (part.isMimeType("text/plain")) {
          parts[0] = (String) part.getContent();
        } else if (part.isMimeType("text/html")) {
          parts[1] = (String) part.getContent();
        } else {
          collect(part.getContent(), parts);
        }
      }
    }
  }
}
