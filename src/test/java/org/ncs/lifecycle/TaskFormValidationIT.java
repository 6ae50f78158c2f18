package org.ncs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.TestUsers;
import org.ncs.web.FieldError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A task is completed only with the answers its form asks for, whichever way the completion comes in. */
@IntegrationTest
class TaskFormValidationIT {

  @Autowired
  ProcessEngine engine;

  @Autowired
  TaskOutcomeRepository outcomes;

  @Autowired
  TestRestTemplate http;

  @Autowired
  ObjectMapper json;

  LifecycleDriver driver;

  @BeforeEach
  void setUp() {
    driver = new LifecycleDriver(engine);
  }

  @AfterEach
  void signOut() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void missingAndMalformedAnswersAreRejectedFieldByFieldAndChangeNothing() {
    ProcessInstance initiation = driver.startPhase(InitiationProcessIT.PROCESS);
    Task task = driver.task(initiation, "Task_IdentifyLeadAuthority");
    Map<String, Object> answers = new HashMap<>(driver.validAnswers(task));
    answers.remove("leadAuthorityName");
    answers.put("mandateReference", "D");
    answers.put("mandateUrl", "ftp://files.example.org/decree.pdf");

    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), answers))
        .isInstanceOfSatisfying(TaskDataRejectedException.class, rejected -> {
          assertThat(rejected.taskId()).isEqualTo(task.getId());
          assertThat(rejected.errors()).extracting(FieldError::field, FieldError::message).containsExactly(
              tuple("leadAuthorityName", "is required"),
              tuple("mandateReference", "must be at least 3 characters"),
              // a pattern is explained in words, never shown as a regular expression
              tuple("mandateUrl", "must be a web address starting with http:// or https://"));
        })
        .hasMessageContaining("'Identify the lead project authority' cannot be completed");

    assertUnchanged(initiation, task, "Task_IdentifyLeadAuthority");
    assertThat(engine.getTaskService().getVariable(task.getId(), "mandateReference")).isNull();
  }

  @Test
  void aFieldTheFormShowsOnlyForOneChoiceIsRequiredForThatChoice() {
    ProcessInstance initiation = atPlanApproval();
    Task approval = driver.task(initiation, "Task_ApprovePlan");

    assertThatThrownBy(() -> driver.complete(approval, Map.of("planDecision", "returned")))
        .isInstanceOfSatisfying(TaskDataRejectedException.class, rejected -> assertThat(rejected.errors())
            .containsExactly(new FieldError("planReturnReasons", "is required")));
    assertThatThrownBy(() -> driver.complete(approval, Map.of("planDecision", "maybe")))
        .isInstanceOfSatisfying(TaskDataRejectedException.class, rejected -> assertThat(rejected.errors())
            .containsExactly(new FieldError("planDecision", "must be one of approved, returned")));
    assertUnchanged(initiation, approval, "Task_ApprovePlan");

    driver.complete(approval, Map.of("planDecision", "approved"));
    assertThat(driver.tasks(initiation, "Task_ApprovePlan")).isEmpty();
  }

  @Test
  void choicesNumbersAndListsAreCheckedAgainstTheForm() {
    ProcessInstance production = driver.startPhase(ProductionProcessIT.PROCESS);
    Task draft = driver.task(production, "Task_DraftStrategy");

    assertThatThrownBy(() -> driver.complete(draft, Map.of("consultationGroups", List.of("private-sector", "press"),
        "draftVersion", "v 2")))
        .isInstanceOfSatisfying(TaskDataRejectedException.class, rejected -> assertThat(rejected.errors())
            .extracting(FieldError::field).containsExactly("draftVersion", "consultationGroups"));
    assertThatThrownBy(() -> driver.complete(draft, Map.of("consultationGroups", List.of())))
        .isInstanceOfSatisfying(TaskDataRejectedException.class, rejected -> assertThat(rejected.errors())
            .containsExactly(new FieldError("consultationGroups", "is required")));

    ProcessInstance implementation = driver.startPhase(ImplementationProcessIT.PROCESS);
    driver.complete(implementation, "Task_PrioritiseInitiatives");
    Task actions = driver.task(implementation, "Task_DefineActions");
    assertThatThrownBy(() -> driver.complete(actions, Map.of("actionCount", 0)))
        .isInstanceOfSatisfying(TaskDataRejectedException.class, rejected -> assertThat(rejected.errors())
            .containsExactly(new FieldError("actionCount", "must be at least 1")));
    assertThatThrownBy(() -> driver.complete(actions, Map.of("actionCount", 2.5)))
        .isInstanceOfSatisfying(TaskDataRejectedException.class, rejected -> assertThat(rejected.errors())
            .containsExactly(new FieldError("actionCount", "must be a whole number")));
    // a number the form sets no maximum for is still bounded
    assertThatThrownBy(() -> driver.complete(actions, Map.of("actionCount", 1e15)))
        .isInstanceOfSatisfying(TaskDataRejectedException.class, rejected -> assertThat(rejected.errors())
            .containsExactly(new FieldError("actionCount", "must be at most 1000000000000")));
  }

  @Test
  void theDatesThatDriveTheLifecycleAreCheckedAgainstTodayAndEachOther() {
    ProcessInstance production = driver.startPhase(ProductionProcessIT.PROCESS);
    driver.complete(production, "Task_DraftStrategy", Map.of("consultationGroups", List.of("academia")));
    driver.complete(production, "Task_ProvideFeedback");
    driver.complete(production, "Task_DispositionFeedback", Map.of("dispositionDecision", "submit"));
    Task approval = driver.task(production, "Task_ApproveStrategy");
    Map<String, Object> adopted = Map.of("approvalDecision", "adopted", "adoptionReference", "Decree 2-27-114");
    // in the future everywhere: today is tomorrow in some time zones, which the service accepts
    String dayAfterTomorrow = LifecycleDriver.today().plusDays(2).toString();

    // the strategy period ended before it began: its end timer would fire at once
    assertThatThrownBy(() -> driver.complete(approval, with(adopted, "adoptionDate", LifecycleDriver.daysAgo(3),
        "strategyEndDate", "2020-01-01")))
        .isInstanceOfSatisfying(TaskDataRejectedException.class, rejected -> assertThat(rejected.errors())
            .containsExactly(new FieldError("strategyEndDate", "must be after today")));
    assertThatThrownBy(() -> driver.complete(approval, with(adopted, "adoptionDate", dayAfterTomorrow,
        "strategyEndDate", LifecycleDriver.today().plusDays(1).toString())))
        .isInstanceOfSatisfying(TaskDataRejectedException.class, rejected -> assertThat(rejected.errors())
            .containsExactly(new FieldError("adoptionDate", "must not be in the future"),
                new FieldError("strategyEndDate", "must be after 'Date of adoption'")));
    assertThatThrownBy(() -> driver.complete(approval, with(adopted, "adoptionDate", "20270101",
        "strategyEndDate", "2999-12-31")))
        .isInstanceOfSatisfying(TaskDataRejectedException.class, rejected -> assertThat(rejected.errors())
            .containsExactly(new FieldError("adoptionDate", "must be a date (yyyy-mm-dd)"),
                new FieldError("strategyEndDate", "must be between 1990-01-01 and 2100-12-31")));
    assertUnchanged(production, approval, "Task_ApproveStrategy");

    driver.complete(approval, with(adopted, "adoptionDate", LifecycleDriver.daysAgo(3),
        "strategyEndDate", LifecycleDriver.today().plusYears(4).toString()));
    assertThat(driver.tasks(production, "Task_PublishStrategy")).hasSize(1);
  }

  private static Map<String, Object> with(Map<String, Object> answers, String key, Object value, String key2,
      Object value2) {
    Map<String, Object> all = new HashMap<>(answers);
    all.put(key, value);
    all.put(key2, value2);
    return all;
  }

  @Test
  void theEngineRestApiAnswersARejectedCompletionWith400AndTheTaskStaysOpen() throws Exception {
    ProcessInstance initiation = atPlanApproval();
    Task approval = driver.task(initiation, "Task_ApprovePlan");
    Map<String, Object> body = Map.of("variables", Map.of("planDecision", Map.of("value", "returned")));
    // the engine's REST API is the administrators' (EngineAccessIT): the same rules hold there
    String admin = TestUsers.create(engine, "admin", List.of("camunda-admin"), List.of());

    for (String action : List.of("complete", "submit-form")) {
      ResponseEntity<String> response = http.withBasicAuth(admin, TestUsers.PASSWORD)
          .postForEntity("/engine-rest/task/" + approval.getId() + "/" + action, body, String.class);

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      JsonNode error = json.readTree(response.getBody());
      assertThat(error.path("message").asText()).as(response.getBody()).contains("planReturnReasons is required");
      assertThat(response.getBody()).doesNotContain("\tat ");
    }
    assertUnchanged(initiation, approval, "Task_ApprovePlan");
  }

  @Test
  void theOutcomeRecordsWhatWasSubmittedAndByWhom() throws Exception {
    ProcessInstance initiation = driver.startPhase(InitiationProcessIT.PROCESS);
    Task task = driver.task(initiation, "Task_IdentifyLeadAuthority");
    engine.getIdentityService().setAuthentication("fatima.executive", List.of("executive"), List.of("MAR"));

    driver.complete(task, Map.of("leadAuthorityName", "Direction Générale de la Sécurité des Systèmes d'Information",
        "notes", "Decree published in the Official Bulletin."));

    TaskOutcome outcome = outcomes.findByTaskId(task.getId()).orElseThrow();
    assertThat(outcome.completedBy()).isEqualTo("fatima.executive");
    assertThat(outcome.stepId()).isEqualTo("P1.S1");
    JsonNode fields = json.readTree(outcome.outcome());
    assertThat(fields.path("leadAuthorityName").asText())
        .isEqualTo("Direction Générale de la Sécurité des Systèmes d'Information");
    assertThat(fields.path("notes").asText()).isEqualTo("Decree published in the Official Bulletin.");
    assertThat(fields.has("mandateReference")).isTrue();
  }

  private ProcessInstance atPlanApproval() {
    ProcessInstance initiation = driver.startPhase(InitiationProcessIT.PROCESS);
    driver.complete(initiation, "Task_IdentifyLeadAuthority");
    driver.complete(initiation, "Task_EstablishSteeringCommittee");
    driver.complete(initiation, "Task_EngageStakeholders");
    driver.complete(initiation, "Task_PlanDevelopment");
    return initiation;
  }

  /** The task is still open, nothing was recorded for it, and the process has not moved. */
  private void assertUnchanged(ProcessInstance instance, Task task, String activityId) {
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(outcomes.findByTaskId(task.getId())).isEmpty();
    assertThat(engine.getRuntimeService().getActiveActivityIds(instance.getId())).containsExactly(activityId);
  }
}
