package org.ncs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.ncs.testing.IntegrationTest;
import org.ncs.web.FieldError;

@IntegrationTest
class ImplementationProcessIT extends ProcessTest {

  static final String PROCESS = "ncs-phase-4-implementation";

  @Test
  void theActionPlanIsBuiltReviewedByTheWorldBankAndResourced() {
    ProcessInstance implementation = driver.startPhase(PROCESS);

    driver.complete(implementation, "Task_PrioritiseInitiatives");
    driver.complete(implementation, "Task_DefineActions");
    driver.complete(implementation, "Task_SetMetrics");
    driver.complete(implementation, "Task_DevelopActionPlan");
    assertThat(implementation).task().hasDefinitionKey("Task_ReviewActionPlan").hasCandidateGroup("wb-cofacilitator");
    driver.complete(implementation, "Task_ReviewActionPlan", Map.of("actionPlanDecision", "approved"));
    driver.complete(implementation, "Task_AllocateResources");

    assertThat(implementation).isWaitingAtExactly("ReceiveTask_StrategyImplemented");
  }

  @Test
  void withoutTheWorldBankAsAPartnerTheSteeringCommitteeApprovesTheActionPlan() {
    ProcessInstance implementation = driver.startPhase(PROCESS, Map.of("partners", new ArrayList<>(List.of("ITU"))));

    driver.complete(implementation, "Task_PrioritiseInitiatives");
    driver.complete(implementation, "Task_DefineActions");
    driver.complete(implementation, "Task_SetMetrics");
    driver.complete(implementation, "Task_DevelopActionPlan");

    assertThat(implementation).isWaitingAtExactly("Task_ApproveActionPlan").hasNotPassed("Task_ReviewActionPlan");
    assertThat(implementation).task().hasCandidateGroup("steering-committee");
    driver.complete(implementation, "Task_ApproveActionPlan", Map.of("actionPlanDecision", "approved"));
    assertThat(implementation).isWaitingAtExactly("Task_AllocateResources");
  }

  @Test
  void theCoFacilitatorCanRequestChangesUntilTheActionPlanIsApproved() {
    ProcessInstance implementation = reviewing();

    driver.complete(implementation, "Task_ReviewActionPlan", Map.of("actionPlanDecision", "changes-requested",
        "actionPlanComments", "Give every action an owner and a date."));

    assertThat(implementation).isWaitingAtExactly("Task_DevelopActionPlan");
    assertThat(implementation).variables().containsEntry("actionPlanVersion", 1);
    driver.complete(implementation, "Task_DevelopActionPlan");
    assertThat(implementation).variables().containsEntry("actionPlanVersion", 2);
    driver.complete(implementation, "Task_ReviewActionPlan", Map.of("actionPlanDecision", "approved"));
    assertThat(implementation).isWaitingAtExactly("Task_AllocateResources");
  }

  @Test
  void changesAreNotRequestedWithoutSayingWhich() {
    ProcessInstance implementation = reviewing();

    assertThatThrownBy(() -> driver.complete(implementation, "Task_ReviewActionPlan",
        Map.of("actionPlanDecision", "changes-requested", "actionPlanComments", "")))
        .isInstanceOf(TaskDataRejectedException.class)
        .satisfies(refused -> assertThat(((TaskDataRejectedException) refused).errors())
            .extracting(FieldError::field).containsExactly("actionPlanComments"));
    assertThat(implementation).isWaitingAtExactly("Task_ReviewActionPlan");
  }

  @Test
  void aPartnerJoiningOrLeavingWhileThePlanWaitsHandsItToTheOtherReviewer() {
    ProcessInstance implementation = reviewing();

    // as the engagement tells its running instances when a partner leaves or joins
    engine.getRuntimeService().setVariable(implementation.getId(), "partners", new ArrayList<>(List.of("ITU")));
    assertThat(implementation).isWaitingAtExactly("Task_ApproveActionPlan").hasPassed("Event_WorldBankLeft");

    engine.getRuntimeService().setVariable(implementation.getId(), "partners",
        new ArrayList<>(List.of("ITU", "World Bank")));
    assertThat(implementation).isWaitingAtExactly("Task_ReviewActionPlan").hasPassed("Event_WorldBankJoined");
    // the same version waits: nothing was submitted again
    assertThat(implementation).variables().containsEntry("actionPlanVersion", 1);
    driver.complete(implementation, "Task_ReviewActionPlan", Map.of("actionPlanDecision", "approved"));
    assertThat(implementation).isWaitingAtExactly("Task_AllocateResources");
  }

  @Test
  void progressIsReportedAtTheEngagementsCadenceUntilTheStrategyPeriodEnds() {
    ProcessInstance implementation = implementing(Map.of("reportingCadence", "P6M"));
    Job cycle = driver.timers(implementation, "Timer_ProgressReportDue").get(0);
    // the first report falls due one reporting period (here half a year) after implementation starts
    assertThat(cycle.getDuedate()).isBetween(Date.from(Instant.now().plusSeconds(175 * 86400L)),
        Date.from(Instant.now().plusSeconds(186 * 86400L)));

    driver.fireTimer(implementation, "Timer_ProgressReportDue");
    assertThat(implementation).isWaitingAtExactly("ReceiveTask_StrategyImplemented", "Task_ReportProgress");
    driver.complete(implementation, "Task_ReportProgress");
    driver.fireTimer(implementation, "Timer_ProgressReportDue");
    driver.complete(implementation, "Task_ReportProgress", Map.of("reportingPeriod", "2027-H2"));
    assertThat(implementation).isWaitingAtExactly("ReceiveTask_StrategyImplemented");

    driver.fireTimer(implementation, "Timer_StrategyPeriodOver");
    assertThat(implementation).isEnded().hasPassed("Timer_StrategyPeriodOver", "EndEvent_ImplementationCompleted");
  }

  @Test
  void aDueProgressReportIsCompletedOnlyOnceTheTeamHasReportedOnThePlan() {
    ProcessInstance implementation = implementing(Map.of());
    driver.fireTimer(implementation, "Timer_ProgressReportDue");
    Task due = driver.task(implementation, "Task_ReportProgress");

    assertThatThrownBy(() -> engine.getTaskService().complete(due.getId(), driver.validAnswers(due)))
        .isInstanceOf(TaskDataRejectedException.class)
        .satisfies(refused -> assertThat(((TaskDataRejectedException) refused).errors())
            .extracting(FieldError::field).containsExactly("progressReport"));

    driver.complete(due, Map.of());
    assertThat(implementation).isWaitingAtExactly("ReceiveTask_StrategyImplemented");
  }

  @Test
  void theStrategyPeriodEndsOnTheDayAfterItsLastDay() {
    ProcessInstance implementation = implementing(Map.of("strategyEndDate", "2030-06-30"));

    Job end = driver.timers(implementation, "Timer_StrategyPeriodOver").get(0);

    assertThat(end.getDuedate()).isEqualTo(Date.from(Instant.parse("2030-07-01T00:00:00Z")));
  }

  @Test
  void theStrategyPeriodCanBeEndedEarlyByMessageWhichCancelsOpenReports() {
    ProcessInstance implementation = implementing(Map.of());
    driver.fireTimer(implementation, "Timer_ProgressReportDue");

    int phasesEnded = lifecycles.endStrategyPeriod(implementation.getBusinessKey());

    assertThat(phasesEnded).isEqualTo(1);
    assertThat(implementation).isEnded().hasPassed("ReceiveTask_StrategyImplemented")
        .hasNotPassed("Timer_StrategyPeriodOver");
    assertThat(driver.tasks(implementation, "Task_ReportProgress")).isEmpty();
  }

  private ProcessInstance reviewing() {
    ProcessInstance implementation = driver.startPhase(PROCESS);
    driver.complete(implementation, "Task_PrioritiseInitiatives");
    driver.complete(implementation, "Task_DefineActions");
    driver.complete(implementation, "Task_SetMetrics");
    driver.complete(implementation, "Task_DevelopActionPlan");
    return implementation;
  }

  private ProcessInstance implementing(Map<String, Object> plan) {
    ProcessInstance implementation = driver.startPhase(PROCESS, plan);
    driver.complete(implementation, "Task_PrioritiseInitiatives");
    driver.complete(implementation, "Task_DefineActions");
    driver.complete(implementation, "Task_SetMetrics");
    driver.complete(implementation, "Task_DevelopActionPlan");
    driver.complete(implementation, "Task_ReviewActionPlan", Map.of("actionPlanDecision", "approved"));
    driver.complete(implementation, "Task_AllocateResources");
    return implementation;
  }
}
