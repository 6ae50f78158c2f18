package org.ncs.lifecycle;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.ncs.testing.IntegrationTest;

@IntegrationTest
class StocktakingProcessIT extends ProcessTest {

  static final String PROCESS = "ncs-phase-2-stocktaking-analysis";

  @Test
  void bothAssessmentsRunSideBySideAndAnAcceptedReportCompletesTheStocktaking() {
    ProcessInstance stocktaking = driver.startPhase(PROCESS);

    assertThat(stocktaking).isWaitingAt("Task_AssessNationalLandscape", "Task_AssessRiskLandscape");
    driver.complete(stocktaking, "Task_AssessRiskLandscape");
    // the risk assessment waits at the join for the other one
    assertThat(stocktaking).isWaitingAtExactly("Gateway_AssessmentsDone", "Task_AssessNationalLandscape");
    driver.complete(stocktaking, "Task_AssessNationalLandscape");
    driver.complete(stocktaking, "Task_ReportAnalysis");
    assertThat(stocktaking).task().hasDefinitionKey("Task_ReviewAnalysis").hasCandidateGroup("steering-committee");
    driver.complete(stocktaking, "Task_ReviewAnalysis", Map.of("analysisDecision", "accepted"));

    assertThat(stocktaking).isEnded().hasPassed("EndEvent_StocktakingCompleted");
  }

  @Test
  void theSteeringCommitteeCanAskForMoreAnalysisWhichReopensBothAssessments() {
    ProcessInstance stocktaking = driver.startPhase(PROCESS);
    Object baseline = engine.getTaskService().getVariableLocal(driver.task(stocktaking,
        "Task_AssessNationalLandscape").getId(), "assessment");
    Assertions.assertThat(baseline).isNotNull();
    driver.complete(stocktaking, "Task_AssessNationalLandscape");
    driver.complete(stocktaking, "Task_AssessRiskLandscape");
    driver.complete(stocktaking, "Task_ReportAnalysis");

    driver.complete(stocktaking, "Task_ReviewAnalysis", Map.of("analysisDecision", "more-analysis",
        "analysisFeedback", "Cover the financial sector's dependence on foreign cloud providers."));

    assertThat(stocktaking).isWaitingAtExactly("Task_AssessNationalLandscape", "Task_AssessRiskLandscape");
    assertThat(stocktaking).variables().containsKey("analysisFeedback");
    // the baseline validated in the first round serves the second: no new one to rate
    String again = driver.task(stocktaking, "Task_AssessNationalLandscape").getId();
    Assertions.assertThat(engine.getTaskService().getVariableLocal(again, "assessment")).isEqualTo(baseline);
    driver.complete(stocktaking, "Task_AssessNationalLandscape");
    driver.complete(stocktaking, "Task_AssessRiskLandscape");
    driver.complete(stocktaking, "Task_ReportAnalysis");
    driver.complete(stocktaking, "Task_ReviewAnalysis", Map.of("analysisDecision", "accepted"));
    assertThat(stocktaking).isEnded();
  }
}
