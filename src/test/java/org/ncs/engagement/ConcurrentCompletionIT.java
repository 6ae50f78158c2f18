package org.ncs.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.ncs.audit.AuditTrail;
import org.ncs.testing.Api;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.TestCountries;
import org.ncs.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two people complete the same task at the same moment: one succeeds, the other is told it lost. */
@IntegrationTest
class ConcurrentCompletionIT {

  @Autowired
  TestRestTemplate http;

  @Autowired
  ObjectMapper json;

  @Autowired
  ProcessEngine engine;

  @Autowired
  AuditTrail audit;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void oneCompletionWinsTheOtherGets409AndTheHistoryHasItOnce() throws Exception {
    Api officer = new Api(http, json, TestUsers.create(engine, "itu", List.of("itu-officer"), List.of()));
    String id = officer.post("/api/engagements", Map.of("country", TestCountries.next(), "title", "A strategy",
        "strategyEndDate", "2031-12-31")).body().path("engagement").path("id").asText();
    List<Api> executives = List.of(executive(officer, id), executive(officer, id));
    String taskId = officer.get("/api/engagements/" + id).body().path("openTasks").get(0).path("id").asText();
    Map<String, Object> answers = Map.of("variables", Map.of("leadAuthorityName", "National Cyber Agency",
        "mandateReference", "Decree 2027-3"));

    List<Api.Response> responses = atTheSameMoment(executives,
        executive -> executive.post("/api/tasks/" + taskId + "/complete", answers));

    assertThat(responses).extracting(Api.Response::status).containsExactly(204, 409);
    // the one who lost is told what happened, not that the task does not exist
    assertThat(responses.get(1).contentType()).hasToString("application/problem+json");
    assertThat(responses.get(1).body().path("detail").asText()).contains("was completed by");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id)
        .taskDefinitionKey("Task_EstablishSteeringCommittee").count()).as("one successor task").isEqualTo(1);
    assertThat(audit.count(id, "TASK_COMPLETED")).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from task_outcome where task_id = ?", Long.class, taskId))
        .isEqualTo(1);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(id)
        .taskDefinitionKey("Task_IdentifyLeadAuthority").count()).isEqualTo(1);
  }

  @Test
  void oneClaimWinsTheOtherIsToldWhoHasIt() throws Exception {
    Api officer = new Api(http, json, TestUsers.create(engine, "itu", List.of("itu-officer"), List.of()));
    String id = officer.post("/api/engagements", Map.of("country", TestCountries.next(), "title", "A strategy",
        "strategyEndDate", "2031-12-31")).body().path("engagement").path("id").asText();
    List<Api> executives = List.of(executive(officer, id), executive(officer, id));
    String taskId = officer.get("/api/engagements/" + id).body().path("openTasks").get(0).path("id").asText();

    List<Api.Response> responses = atTheSameMoment(executives,
        executive -> executive.post("/api/tasks/" + taskId + "/claim", null));

    assertThat(responses).extracting(Api.Response::status).containsExactly(204, 409);
    String assignee = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee();
    assertThat(responses.get(1).body().path("detail").asText()).contains("claimed by " + assignee);
    assertThat(audit.count(id, "TASK_CLAIMED")).isEqualTo(1);
  }

  /** Each person sends the request at the same moment; the answers, lowest status first. */
  private static List<Api.Response> atTheSameMoment(List<Api> people, Function<Api, Api.Response> request) {
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Api.Response>> attempts = people.stream()
        .map(person -> CompletableFuture.supplyAsync(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return request.apply(person);
        }))
        .toList();
    start.countDown();
    return attempts.stream().map(CompletableFuture::join)
        .sorted(Comparator.comparingInt(Api.Response::status)).toList();
  }

  private Api executive(Api officer, String engagementId) {
    String user = TestUsers.create(engine, "executive", List.of(), List.of());
    assertThat(officer.post("/api/engagements/" + engagementId + "/members",
        Map.of("userId", user, "role", "executive")).status()).isEqualTo(201);
    return new Api(http, json, user);
  }
}
