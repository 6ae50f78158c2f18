package org.ncs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.ncs.testing.Api;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.TestCountries;
import org.ncs.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A ministry team at work at the same time, through our API: stakeholders read their inbox, open a feedback task,
 * complete it and comment, several at once on the same consultation round (so they race for the same tasks and
 * for the lifecycle's shared variables), while the drafting team sends the draft round after round. Nobody may
 * see a server error; a lost race is a 409 that says so; and afterwards the lifecycle is whole.
 */
@IntegrationTest
class ConcurrentWorkIT extends ProcessTest {

  static final int STAKEHOLDERS = 4;
  static final int ROUNDS = 3;
  static final String ALREADY_DONE = "was completed by";
  static final String TRY_AGAIN = "please send it again";
  static final List<String> ALL_GROUPS = List.of("public-sector", "private-sector", "critical-infrastructure",
      "civil-society", "academia", "international-partners");

  @Autowired
  TestRestTemplate http;

  @Autowired
  ObjectMapper json;

  @Autowired
  MeterRegistry meters;

  @Autowired
  JdbcTemplate jdbc;

  record Call(String what, int status, String contentType, String body) {
  }

  final Queue<Call> calls = new ConcurrentLinkedQueue<>();

  @Test
  void colleaguesWorkingAtOnceSeeNoServerErrorAndTheLifecycleStaysWhole() throws Exception {
    Api officer = new Api(http, json, TestUsers.create(engine, "itu", List.of("itu-officer"), List.of()));
    String id = officer.post("/api/engagements", Map.of("country", TestCountries.next(), "title", "A strategy",
        "strategyEndDate", "2031-12-31")).body().path("engagement").path("id").asText();
    List<String> persons = new ArrayList<>();
    List<Api> stakeholders = new ArrayList<>();
    for (int i = 0; i < STAKEHOLDERS; i++) {
      persons.add(TestUsers.create(engine, "stakeholder", List.of(), List.of()));
      assertThat(officer.post("/api/engagements/" + id + "/members", Map.of("userId", persons.get(i),
          "role", "stakeholder")).status()).isEqualTo(201);
      stakeholders.add(new Api(http, json, persons.get(i)));
    }
    // everyone answers for an organisation of every group: they race for the same tasks
    for (String group : ALL_GROUPS) {
      String organisation = officer.post("/api/engagements/" + id + "/stakeholders", Map.of("organisation",
          "An organisation of " + group, "category", group)).body().path("id").asText();
      for (String person : persons) {
        assertThat(officer.post("/api/engagements/" + id + "/stakeholders/" + organisation + "/people",
            Map.of("userId", person)).status()).isEqualTo(201);
      }
    }
    Api drafter = member(officer, id, "drafting-team");
    ProcessInstance lifecycle = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(id).processDefinitionKey(Lifecycles.PROCESS_KEY).singleResult();
    for (String step : List.of("Task_IdentifyLeadAuthority", "Task_EstablishSteeringCommittee",
        "Task_EngageStakeholders", "Task_PlanDevelopment", "Task_ApprovePlan", "Task_AssessNationalLandscape",
        "Task_AssessRiskLandscape", "Task_ReportAnalysis", "Task_ReviewAnalysis")) {
      driver.complete(lifecycle, step, Map.of("planDecision", "approved", "analysisDecision", "accepted"));
    }
    double retriesBefore = retries();

    ExecutorService people = Executors.newFixedThreadPool(STAKEHOLDERS + 1);
    AtomicBoolean drafting = new AtomicBoolean(true);
    List<CompletableFuture<Void>> work = new ArrayList<>();
    work.add(CompletableFuture.runAsync(() -> {
      try {
        draftRounds(drafter, id);
      } finally {
        drafting.set(false);
      }
    }, people));
    for (Api stakeholder : stakeholders) {
      work.add(CompletableFuture.runAsync(() -> giveFeedback(stakeholder, id, drafting), people));
    }
    CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
    people.shutdown();

    List<Call> all = List.copyOf(calls);
    List<Call> completions = all.stream().filter(call -> call.what().equals("complete")).toList();
    long alreadyDone = completions.stream().filter(call -> call.body() != null
        && call.body().contains(ALREADY_DONE)).count();
    long tryAgain = completions.stream().filter(call -> call.body() != null && call.body().contains(TRY_AGAIN))
        .count();
    System.out.printf("Concurrent work: %d requests, %d completions (409: %d already completed, %d to send again), "
            + "%.0f writes retried, %d server errors%n", all.size(), completions.size(), alreadyDone, tryAgain,
        retries() - retriesBefore, all.stream().filter(call -> call.status() >= 500).count());

    assertThat(all).filteredOn(call -> call.status() >= 500).as("server errors").isEmpty();
    assertThat(completions).extracting(Call::status).containsOnly(204, 409);
    // a 409 says what happened: someone else completed the task, or (rarely) try again
    assertThat(completions).filteredOn(call -> call.status() == 409).allSatisfy(call -> {
      assertThat(call.contentType()).isEqualTo("application/problem+json");
      assertThat(call.body()).containsAnyOf(ALREADY_DONE, TRY_AGAIN);
    });
    assertThat(all).filteredOn(call -> call.what().equals("inbox")).extracting(Call::status).containsOnly(200);
    assertThat(all).filteredOn(call -> call.what().equals("comment")).extracting(Call::status).containsOnly(201);
    // a task opened just after a colleague completed it is gone, and its 404 says so
    assertThat(all).filteredOn(call -> call.what().equals("detail")).allSatisfy(call -> assertThat(
        call.status() == 200 || call.status() == 404 && call.body().contains(ALREADY_DONE)).as(call.toString()).isTrue());
    assertThat(completions).filteredOn(call -> call.status() == 204).hasSize(ROUNDS * (ALL_GROUPS.size() + 2));

    // every completed task recorded exactly once, and the lifecycle waits where it should
    assertThat(jdbc.queryForList("select task_id from task_outcome where engagement_id = ? group by task_id "
        + "having count(*) > 1", String.class, id)).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from task_outcome where engagement_id = ?", Long.class, id))
        .isEqualTo(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(id)
            .taskDeleteReason("completed").count());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id).list())
        .extracting(task -> task.getTaskDefinitionKey()).containsExactly("Task_ApproveStrategy");
  }

  /** The drafting team releases the draft to every group, reads the feedback, and redrafts or submits. */
  private void draftRounds(Api drafter, String id) {
    complete(drafter, waitForTask(drafter, id, "Draft the strategy"), Map.of("draftUrl",
        "https://docs.example.org/draft.docx", "draftVersion", "0.1", "consultationGroups", ALL_GROUPS));
    for (int round = 1; round <= ROUNDS; round++) {
      boolean last = round == ROUNDS;
      String disposition = waitForTask(drafter, id, "Disposition the consultation feedback");
      for (JsonNode item : drafter.get("/api/tasks/" + disposition + "/feedback").body().path("items")) {
        record("disposition", drafter.exchange(HttpMethod.PUT, "/api/tasks/" + disposition + "/feedback/"
            + item.path("id").asText() + "/disposition", Map.of("disposition", "NOTED", "reason",
            "Considered in round " + round + ".")), 200);
      }
      complete(drafter, disposition, Map.of(
          "dispositionDecision", last ? "submit" : "redraft", "dispositionNotes", "Round " + round + " considered."));
      if (!last) {
        complete(drafter, waitForTask(drafter, id, "Draft the strategy"), Map.of("draftUrl",
            "https://docs.example.org/draft.docx", "draftVersion", "0." + (round + 1),
            "consultationGroups", ALL_GROUPS));
      }
    }
  }

  /** A stakeholder answers whichever group's feedback task is open, while the drafting goes on. */
  private void giveFeedback(Api stakeholder, String id, AtomicBoolean drafting) {
    while (drafting.get()) {
      List<String> open = new ArrayList<>();
      inbox(stakeholder, id).forEach(task -> {
        if (task.path("name").asText().startsWith("Give feedback")) {
          open.add(task.path("id").asText());
        }
      });
      if (open.isEmpty()) {
        pause();
        continue;
      }
      String taskId = open.get(ThreadLocalRandom.current().nextInt(open.size()));
      record("detail", stakeholder.get("/api/tasks/" + taskId), 200, 404);
      complete(stakeholder, taskId, Map.of("feedback", "We support the draft and ask for a clearer timeline."));
      record("comment", stakeholder.post("/api/engagements/" + id + "/comments",
          Map.of("body", "Feedback sent for task " + taskId)), 201);
    }
  }

  private String waitForTask(Api person, String id, String name) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      for (JsonNode task : inbox(person, id)) {
        if (task.path("name").asText().equals(name)) {
          return task.path("id").asText();
        }
      }
      pause();
    }
    throw new AssertionError("No task '" + name + "' came");
  }

  private JsonNode inbox(Api person, String id) {
    Api.Response response = person.get("/api/tasks?size=100&engagement=" + id);
    record("inbox", response, 200);
    return response.body().path("items");
  }

  private void complete(Api person, String taskId, Map<String, Object> answers) {
    record("complete", person.post("/api/tasks/" + taskId + "/complete", Map.of("variables", answers)), 204, 409);
  }

  /** Keeps every call; a status other than those expected fails the test at once, with the body. */
  private void record(String what, Api.Response response, int... expected) {
    calls.add(new Call(what, response.status(), String.valueOf(response.contentType()), response.text()));
    if (Arrays.stream(expected).noneMatch(status -> status == response.status())) {
      throw new AssertionError(what + " answered " + response);
    }
  }

  private Api member(Api officer, String id, String role) {
    String user = TestUsers.create(engine, role, List.of(), List.of());
    assertThat(officer.post("/api/engagements/" + id + "/members", Map.of("userId", user, "role", role)).status())
        .isEqualTo(201);
    return new Api(http, json, user);
  }

  private double retries() {
    return meters.counter("ncs.writes.retried").count();
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
