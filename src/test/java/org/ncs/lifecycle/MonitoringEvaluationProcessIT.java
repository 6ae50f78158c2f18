package org.ncs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.ncs.testing.IntegrationTest;

@IntegrationTest
class MonitoringEvaluationProcessIT extends ProcessTest {

  static final String PROCESS = "ncs-phase-5-monitoring-evaluation";

  @Test
  void aRoundOnTrackNeedsNoAction() {
    ProcessInstance monitoring = monitoring();

    driver.fireTimer(monitoring, "Timer_MonitoringRoundDue");
    assertThat(monitoring).task("Task_MonitorProgress").hasCandidateGroup("me-body");
    driver.complete(monitoring, "Task_MonitorProgress", Map.of("slippage", "on-track"));

    assertThat(monitoring).isWaitingAtExactly("ReceiveTask_StrategyMonitored").hasPassed("Event_OnTrack");
  }

  @Test
  void slippageInTheLatestProgressReportIsProposedAndCallsForCorrectiveAction() {
    ProcessInstance monitoring = monitoring();
    driver.reportLate(monitoring.getBusinessKey());
    driver.fireTimer(monitoring, "Timer_MonitoringRoundDue");

    // the round starts from the report: the late initiative named, slippage proposed
    Task round = driver.task(monitoring, "Task_MonitorProgress");
    assertThat(engine.getTaskService().getVariables(round.getId())).containsEntry("slippageProposed", "slippage")
        .containsEntry("initiativesOnTime", 0).containsEntry("initiativesCounted", 1)
        .containsEntry("lateInitiatives", "I-1 Set up a national CERT")
        .containsEntry("slippageAsOf", LifecycleDriver.today().minusDays(1).toString());
    driver.complete(round, Map.of("slippage", "slippage",
        "slippageDescription", "The national CSIRT is six months late: its budget line was not released."));

    assertThat(monitoring).task("Task_TakeCorrectiveAction").hasCandidateGroup("lead-authority");
    driver.complete(monitoring, "Task_TakeCorrectiveAction");
    assertThat(monitoring).isWaitingAtExactly("ReceiveTask_StrategyMonitored")
        .hasPassed("Event_CorrectiveActionTaken");
  }

  @Test
  void withoutAProgressReportNothingIsProposed() {
    ProcessInstance monitoring = monitoring();
    driver.fireTimer(monitoring, "Timer_MonitoringRoundDue");

    Task round = driver.task(monitoring, "Task_MonitorProgress");
    assertThat(engine.getTaskService().getVariable(round.getId(), "slippageProposed")).isNull();
    assertThat(engine.getTaskService().getVariable(round.getId(), "slippageAsOf")).isNull();
  }

  @Test
  void atTheEndOfTheStrategyPeriodTheOutcomeIsEvaluatedAndTheDecisionReturned() {
    ProcessInstance monitoring = monitoring();

    driver.fireTimer(monitoring, "Timer_StrategyPeriodOver");
    assertThat(monitoring).task("Task_EvaluateOutcome").hasCandidateGroup("me-body");
    driver.complete(monitoring, "Task_EvaluateOutcome",
        Map.of("evaluationDecision", "renew", "nextCycleEntry", "stocktaking"));

    assertThat(monitoring).isEnded();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(monitoring.getId()).variableName("nextCycleEntry").singleResult().getValue())
        .isEqualTo("stocktaking");
  }

  @Test
  void aMessageEndsTheStrategyPeriodEarlyAndStartsTheEvaluation() {
    ProcessInstance monitoring = monitoring();

    assertThat(lifecycles.endStrategyPeriod(monitoring.getBusinessKey())).isEqualTo(1);

    assertThat(monitoring).isWaitingAtExactly("Task_EvaluateOutcome").hasNotPassed("Timer_StrategyPeriodOver");
  }

  private ProcessInstance monitoring() {
    ProcessInstance monitoring = driver.startPhase(PROCESS);
    driver.complete(monitoring, "Task_EstablishMonitoring");
    assertThat(monitoring).isWaitingAtExactly("ReceiveTask_StrategyMonitored");
    return monitoring;
  }
}
