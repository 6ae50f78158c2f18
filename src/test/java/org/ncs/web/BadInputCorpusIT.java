package org.ncs.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.ncs.testing.Api;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.TestCountries;
import org.ncs.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input thrown at every write of our API and at the engine's REST API (administrators only): malformed,
 * blank and trailing bodies, a document nested 2,000 deep, null values, ids such as *, -1, null, an emoji, a NUL
 * byte or a path that climbs out. Never a 5xx; every refusal a 4xx problem without class names or the engine's
 * internals; and nothing is stored (an engine operation that accepts an empty change changes nothing).
 */
@IntegrationTest
class BadInputCorpusIT {

  static final List<String> BODIES = List.of("", " ", "null", "[]", "{", "{\"body\": \"x\"} trailing",
      "{\"body\": null, \"variables\": null}", "{\"variables\": {\"leadAuthorityName\": null}}",
      "{\"title\": 1e400, \"strategyEndDate\": \"+999999999-12-31\"}", "\"\\u0000\"",
      "{\"userId\": \"\\ud83d\\ude00\", \"role\": \"\\ud83d\\ude00\"}", "[".repeat(2000) + "]".repeat(2000),
      "{\"a\":".repeat(2000) + "1" + "}".repeat(2000));
  static final List<String> IDS = List.of("*", "-1", "null", "%F0%9F%98%80", "..%2F..%2Fetc%2Fpasswd", "%00");

  @Autowired
  TestRestTemplate rest;

  @Autowired
  ObjectMapper json;

  @Autowired
  ProcessEngine engine;

  @Autowired
  JdbcTemplate jdbc;

  @LocalServerPort
  int port;

  private final HttpClient client = HttpClient.newHttpClient();

  record Attempt(String method, String path, String body, int status, String contentType, String answer) {
  }

  @Test
  void everyWriteOfOurApiRefusesBadInputWithA4xxProblemAndStoresNothing() throws Exception {
    String officer = TestUsers.create(engine, "itu", List.of("itu-officer"), List.of());
    Api api = new Api(rest, json, officer);
    String id = api.post("/api/engagements", Map.of("country", TestCountries.next(), "title", "A strategy",
        "strategyEndDate", "2031-12-31")).body().path("engagement").path("id").asText();
    String task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id).singleResult().getId();
    String member = api.get("/api/engagements/" + id).body().path("members").get(0).path("id").asText();
    List<String> writes = new ArrayList<>(List.of("POST /api/engagements", "POST /api/engagements/{e}/members",
        "POST /api/engagements/{e}/stakeholders", "POST /api/engagements/{e}/comments",
        "POST /api/engagements/{e}/tasks/{t}/comments", "POST /api/engagements/{e}/strategy-adoption",
        "POST /api/engagements/{e}/strategy-period-end", "POST /api/tasks/{t}/claim", "POST /api/tasks/{t}/unclaim",
        "POST /api/tasks/{t}/complete", "DELETE /api/engagements/{e}/members/{m}",
        "POST /api/engagements/{e}/evidence", "POST /api/engagements/{e}/assessments",
        "PUT /api/engagements/{e}/assessments/{t}/ratings/FA1.E1", "POST /api/engagements/{e}/assessments/{t}/submit",
        "POST /api/engagements/{e}/assessments/{t}/return", "DELETE /api/engagements/{e}/assessments/{t}",
        "POST /api/tasks/{t}/feedback", "PUT /api/notifications/preferences"));
    Map<String, Long> before = state();

    List<Attempt> attempts = new ArrayList<>();
    for (String write : writes) {
      String method = write.substring(0, write.indexOf(' '));
      String template = write.substring(write.indexOf(' ') + 1);
      for (String body : BODIES) {
        if (!write.endsWith("/claim") && !write.endsWith("/unclaim") && !write.startsWith("DELETE")
            && !write.endsWith("/strategy-period-end")) {
          attempts.add(send(officer, method, template.replace("{e}", id).replace("{t}", task)
              .replace("{m}", member), body));
        }
      }
      for (String bad : IDS) {
        attempts.add(send(officer, method, template.replace("{e}", template.contains("{t}") ? id : bad)
            .replace("{t}", bad).replace("{m}", bad), "{\"body\": \"x\"}"));
      }
    }

    // reads with parameters out of bounds: refused by name, whichever way the controller is validated
    for (String read : List.of("/api/notifications?page=-1", "/api/notifications?size=1000",
        "/api/portfolio?band=NOT%20A%20BAND", "/api/portfolio?region=*", "/api/engagements/" + id + "/scorecard?x=1",
        "/api/engagements/*/trend", "/api/engagements/" + id + "/assessments/*/ratings/FA1/history")) {
      attempts.add(send(officer, "GET", read, null));
    }
    assertThat(attempts).allSatisfy(BadInputCorpusIT::isAClean4xxProblem);
    assertThat(state()).isEqualTo(before);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
  }

  @Test
  void theEngineRestApiAnswersBadInputWithA4xxProblemWithoutTheEnginesInternals() throws Exception {
    String admin = TestUsers.create(engine, "admin", List.of("camunda-admin"), List.of());
    Api api = new Api(rest, json, admin);
    String id = api.post("/api/engagements", Map.of("country", TestCountries.next(), "title", "A strategy",
        "strategyEndDate", "2031-12-31")).body().path("engagement").path("id").asText();
    String task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id).singleResult().getId();
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
        .processDefinitionKey("ncs-lifecycle").singleResult().getId();
    List<String> writes = List.of("POST /engine-rest/task/{t}/complete", "POST /engine-rest/task/{t}/submit-form",
        "POST /engine-rest/process-instance/{p}/variables", "POST /engine-rest/message",
        "PUT /engine-rest/job/{t}/suspended", "POST /engine-rest/task/{t}/claim");
    Map<String, Long> before = state();

    List<Attempt> attempts = new ArrayList<>();
    for (String write : writes) {
      String method = write.substring(0, write.indexOf(' '));
      String template = write.substring(write.indexOf(' ') + 1);
      for (String body : BODIES) {
        attempts.add(send(admin, method, template.replace("{t}", task).replace("{p}", instance), body));
      }
      for (String bad : IDS) {
        attempts.add(send(admin, method, template.replace("{t}", bad).replace("{p}", bad), "{}"));
      }
    }
    for (String bad : IDS) {
      attempts.add(send(admin, "GET", "/engine-rest/task/" + bad, null));
      attempts.add(send(admin, "DELETE", "/engine-rest/task/" + bad, null));
    }

    assertThat(attempts).allSatisfy(BadInputCorpusIT::isAClean4xxProblem);
    assertThat(state()).isEqualTo(before);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);
  }

  private static void isAClean4xxProblem(Attempt attempt) {
    assertThat(attempt.status()).as("%s", attempt).isLessThan(500);
    if (attempt.status() < 400) {
      return; // accepted as a change of nothing (checked with the state afterwards)
    }
    assertThat(attempt.contentType()).as("%s", attempt).startsWith("application/problem+json");
    assertThat(attempt.answer()).as("%s", attempt)
        .doesNotContain("Exception", "org.camunda", "java.", "com.fasterxml", "ENGINE-", "\tat ");
  }

  /** What bad input must not change. */
  private Map<String, Long> state() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (String table : List.of("engagement", "engagement_member", "stakeholder", "engagement_comment",
        "audit_event", "task_outcome", "evidence", "assessment", "rating", "mail_preference", "feedback_item")) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    counts.put("open tasks", engine.getTaskService().createTaskQuery().count());
    counts.put("variables", engine.getRuntimeService().createVariableInstanceQuery().count());
    counts.put("suspended jobs", engine.getManagementService().createJobQuery().suspended().count());
    return counts;
  }

  private Attempt send(String user, String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD)
            .getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Attempt(method, path, body == null || body.length() < 60 ? body : body.substring(0, 60) + "...",
        response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
  }
}
