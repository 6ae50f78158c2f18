package org.ncs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ncs.testing.Api;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.TestCountries;
import org.ncs.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** A task that comes round again says why, and shows what was answered in its previous round. */
@IntegrationTest
class TaskContextIT extends ProcessTest {

  @Autowired
  TestRestTemplate http;

  @Autowired
  ObjectMapper json;

  Api officer;
  String engagementId;
  ProcessInstance lifecycle;

  @BeforeEach
  void engagement() {
    officer = new Api(http, json, TestUsers.create(engine, "itu", List.of("itu-officer"), List.of()));
    engagementId = officer.post("/api/engagements", Map.of("country", TestCountries.next(), "title", "A strategy",
        "strategyEndDate", "2031-12-31")).body().path("engagement").path("id").asText();
    lifecycle = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(engagementId)
        .processDefinitionKey(Lifecycles.PROCESS_KEY).singleResult();
  }

  @Test
  void aReturnedPlanComesBackWithTheReasonsAndThePreviousPlan() {
    Api lead = member("lead-authority");
    Api executive = member("executive");
    driver.complete(lifecycle, "Task_IdentifyLeadAuthority");
    driver.complete(lifecycle, "Task_EstablishSteeringCommittee");
    driver.complete(lifecycle, "Task_EngageStakeholders");
    String plan = taskId("Task_PlanDevelopment");
    assertThat(lead.get("/api/tasks/" + plan).body().path("context").isMissingNode())
        .as("no context the first time").isTrue();
    assertThat(lead.post("/api/tasks/" + plan + "/complete", Map.of("variables", Map.of(
        "developmentPlanUrl", "https://docs.example.org/plan-v1.pdf", "targetAdoptionDate", LifecycleDriver.today().plusYears(1).toString(),
        "planSummary", "Twelve months from stocktaking to adoption.")))).extracting(Api.Response::status)
        .isEqualTo(204);
    String approval = taskId("Task_ApprovePlan");
    assertThat(executive.post("/api/tasks/" + approval + "/complete", Map.of("variables", Map.of(
        "planDecision", "returned", "planReturnReasons", "The plan has no budget for the consultation rounds."))))
        .extracting(Api.Response::status).isEqualTo(204);

    JsonNode context = lead.get("/api/tasks/" + taskId("Task_PlanDevelopment")).body().path("context");

    assertThat(context.path("previousRound").path("answers").path("developmentPlanUrl").asText())
        .isEqualTo("https://docs.example.org/plan-v1.pdf");
    assertThat(context.path("since")).hasSize(1);
    JsonNode decision = context.path("since").get(0);
    assertThat(decision.path("activityId").asText()).isEqualTo("Task_ApprovePlan");
    assertThat(decision.path("name").asText()).isEqualTo("Approve the development plan");
    assertThat(decision.path("answers").path("planDecision").asText()).isEqualTo("returned");
    assertThat(decision.path("answers").path("planReturnReasons").asText())
        .isEqualTo("The plan has no budget for the consultation rounds.");
    assertThat(decision.path("completedBy").asText()).isNotBlank();
  }

  @Test
  void aGroupsSecondFeedbackShowsItsOwnFirstFeedbackNotAnotherGroups() {
    for (String step : List.of("Task_IdentifyLeadAuthority", "Task_EstablishSteeringCommittee",
        "Task_EngageStakeholders", "Task_PlanDevelopment", "Task_ApprovePlan", "Task_AssessNationalLandscape",
        "Task_AssessRiskLandscape", "Task_ReportAnalysis", "Task_ReviewAnalysis")) {
      driver.complete(lifecycle, step, Map.of("planDecision", "approved", "analysisDecision", "accepted"));
    }
    List<String> groups = List.of("academia", "civil-society");
    // one person answers for an organisation of each group
    String person = TestUsers.create(engine, "stakeholder", List.of(), List.of());
    assertThat(officer.post("/api/engagements/" + engagementId + "/members", Map.of("userId", person,
        "role", "stakeholder")).status()).isEqualTo(201);
    for (String group : groups) {
      String organisation = officer.post("/api/engagements/" + engagementId + "/stakeholders", Map.of(
          "organisation", "An organisation of " + group, "category", group)).body().path("id").asText();
      assertThat(officer.post("/api/engagements/" + engagementId + "/stakeholders/" + organisation + "/people",
          Map.of("userId", person)).status()).isEqualTo(201);
    }
    driver.complete(lifecycle, "Task_DraftStrategy", Map.of("consultationGroups", groups));
    for (Task feedback : driver.tasks(lifecycle, "Task_ProvideFeedback")) {
      Object group = engine.getTaskService().getVariable(feedback.getId(), "stakeholderGroup");
      driver.complete(feedback, Map.of("feedback", "First round feedback of " + group + ", in some detail."));
    }
    driver.complete(lifecycle, "Task_DispositionFeedback", Map.of("dispositionDecision", "redraft"));
    driver.complete(lifecycle, "Task_DraftStrategy", Map.of("consultationGroups", groups));
    Api stakeholder = new Api(http, json, person);

    for (Task feedback : driver.tasks(lifecycle, "Task_ProvideFeedback")) {
      Object group = engine.getTaskService().getVariable(feedback.getId(), "stakeholderGroup");
      JsonNode context = stakeholder.get("/api/tasks/" + feedback.getId()).body().path("context");

      assertThat(context.path("previousRound").path("answers").path("feedback").asText())
          .isEqualTo("First round feedback of " + group + ", in some detail.");
      assertThat(context.path("since")).extracting(past -> past.path("activityId").asText())
          .containsExactly("Task_DispositionFeedback", "Task_DraftStrategy");
    }
  }

  private Api member(String role) {
    String user = TestUsers.create(engine, role, List.of(), List.of());
    assertThat(officer.post("/api/engagements/" + engagementId + "/members", Map.of("userId", user, "role", role))
        .status()).isEqualTo(201);
    return new Api(http, json, user);
  }

  private String taskId(String activityId) {
    return driver.task(lifecycle, activityId).getId();
  }
}
