package org.ncs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.ncs.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class InitiationProcessIT extends ProcessTest {

  static final String PROCESS = "ncs-phase-1-initiation";

  @Autowired
  TaskOutcomeRepository outcomes;

  @Test
  void anApprovedPlanCompletesInitiationStepByStep() {
    ProcessInstance initiation = driver.startPhase(PROCESS);

    assertThat(initiation).isWaitingAt("Task_IdentifyLeadAuthority");
    assertThat(initiation).task().hasCandidateGroup("executive");
    driver.complete(initiation, "Task_IdentifyLeadAuthority");
    assertThat(initiation).task().hasCandidateGroup("lead-authority");
    driver.complete(initiation, "Task_EstablishSteeringCommittee");
    driver.complete(initiation, "Task_EngageStakeholders");
    driver.complete(initiation, "Task_PlanDevelopment");
    assertThat(initiation).task().hasDefinitionKey("Task_ApprovePlan").hasCandidateGroup("executive");
    driver.complete(initiation, "Task_ApprovePlan", Map.of("planDecision", "approved"));

    assertThat(initiation).hasPassedInOrder("Task_IdentifyLeadAuthority", "Task_EstablishSteeringCommittee",
        "Task_EngageStakeholders", "Task_PlanDevelopment", "Task_ApprovePlan", "EndEvent_InitiationCompleted");
    assertThat(initiation).isEnded();
    assertThat(outcomes.findByProcessInstanceIdOrderByCompletedAt(initiation.getId()))
        .extracting(TaskOutcome::stepId, TaskOutcome::kind)
        .containsExactly(
            tuple("P1.S1", "perform"),
            tuple("P1.S2", "perform"),
            tuple("P1.S3", "perform"),
            tuple("P1.S4", "perform"),
            tuple("P1.S4", "review"));
  }

  @Test
  void aReturnedPlanGoesBackToPlanningWithTheReasonsAndTheDecisionIsAskedAgain() {
    ProcessInstance initiation = driver.startPhase(PROCESS);
    driver.complete(initiation, "Task_IdentifyLeadAuthority");
    driver.complete(initiation, "Task_EstablishSteeringCommittee");
    driver.complete(initiation, "Task_EngageStakeholders");
    driver.complete(initiation, "Task_PlanDevelopment");

    driver.complete(initiation, "Task_ApprovePlan",
        Map.of("planDecision", "returned", "planReturnReasons", "The timeline leaves no room for consultation."));

    assertThat(initiation).isWaitingAt("Task_PlanDevelopment");
    assertThat(initiation).variables()
        .containsEntry("planReturnReasons", "The timeline leaves no room for consultation.");
    driver.complete(initiation, "Task_PlanDevelopment");
    assertThat(initiation).isWaitingAt("Task_ApprovePlan");
    // the last round's decision is not carried into the new approval
    assertThat(initiation).variables().doesNotContainKey("planDecision");
    driver.complete(initiation, "Task_ApprovePlan", Map.of("planDecision", "approved"));
    assertThat(initiation).isEnded();
  }

  @Test
  void everyInstanceAndTaskBelongsToTheCountrysTenant() {
    ProcessInstance initiation = driver.startPhase(PROCESS);

    assertThat(initiation.getTenantId()).isEqualTo(LifecycleDriver.COUNTRY);
    assertThat(driver.task(initiation, "Task_IdentifyLeadAuthority").getTenantId()).isEqualTo("MAR");
  }
}
