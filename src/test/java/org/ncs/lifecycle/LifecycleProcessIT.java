package org.ncs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.ncs.testing.IntegrationTest;

@IntegrationTest
class LifecycleProcessIT extends ProcessTest {

  @Test
  void anEngagementGoesThroughAllFivePhasesAndIntoASecondCycle() {
    ProcessInstance lifecycle = start("RWA");
    assertThat(lifecycle).isWaitingAtExactly("CallActivity_Initiation");
    assertThat(lifecycle).calledProcessInstance("ncs-phase-1-initiation").isNotNull();
    assertThat(driver.task(lifecycle, "Task_IdentifyLeadAuthority").getTenantId()).isEqualTo("RWA");

    driver.complete(lifecycle, "Task_IdentifyLeadAuthority");
    driver.complete(lifecycle, "Task_EstablishSteeringCommittee");
    driver.complete(lifecycle, "Task_EngageStakeholders");
    driver.complete(lifecycle, "Task_PlanDevelopment");
    driver.complete(lifecycle, "Task_ApprovePlan", Map.of("planDecision", "approved"));
    assertThat(lifecycle).isWaitingAtExactly("CallActivity_Stocktaking");

    driver.complete(lifecycle, "Task_AssessNationalLandscape");
    driver.complete(lifecycle, "Task_AssessRiskLandscape");
    driver.complete(lifecycle, "Task_ReportAnalysis");
    driver.complete(lifecycle, "Task_ReviewAnalysis", Map.of("analysisDecision", "accepted"));
    assertThat(lifecycle).isWaitingAtExactly("CallActivity_Production");

    driver.complete(lifecycle, "Task_DraftStrategy", Map.of("consultationGroups", List.of("private-sector")));
    driver.complete(lifecycle, "Task_ProvideFeedback");
    driver.complete(lifecycle, "Task_DispositionFeedback", Map.of("dispositionDecision", "submit"));
    driver.complete(lifecycle, "Task_ApproveStrategy", Map.of("approvalDecision", "adopted",
        "adoptionReference", "Presidential order 12", "adoptionDate", LifecycleDriver.daysAgo(3), "strategyEndDate", "2032-06-30"));
    driver.complete(lifecycle, "Task_PublishStrategy");

    // implementation and monitoring run side by side, for the period the adopted strategy set
    assertThat(lifecycle).isWaitingAtExactly("CallActivity_Implementation", "CallActivity_MonitoringEvaluation");
    assertThat(lifecycle).variables().containsEntry("strategyEndDate", "2032-06-30");
    driver.complete(lifecycle, "Task_EstablishMonitoring");
    driver.complete(lifecycle, "Task_PrioritiseInitiatives");
    driver.complete(lifecycle, "Task_DefineActions");
    driver.complete(lifecycle, "Task_SetMetrics");
    driver.complete(lifecycle, "Task_DevelopActionPlan");
    driver.complete(lifecycle, "Task_ReviewActionPlan", Map.of("actionPlanDecision", "approved"));
    driver.complete(lifecycle, "Task_AllocateResources");

    assertThat(lifecycles.endStrategyPeriod(lifecycle.getBusinessKey())).isEqualTo(2);
    // implementation is over and waits at the join for the evaluation
    assertThat(lifecycle).isWaitingAtExactly("Gateway_DeliveryEnds", "CallActivity_MonitoringEvaluation");
    driver.complete(lifecycle, "Task_EvaluateOutcome",
        Map.of("evaluationDecision", "renew", "nextCycleEntry", "stocktaking"));

    // the second cycle starts at stocktaking: the governance from the first cycle is in place
    assertThat(lifecycle).isWaitingAtExactly("CallActivity_Stocktaking")
        .hasPassed("ServiceTask_StartNextCycle");
    assertThat(lifecycle).variables().containsEntry("cycle", 2).containsEntry("entryPhase", "stocktaking");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(lifecycle.getId()).activityId("CallActivity_Initiation").count()).isEqualTo(1);
    assertThat(driver.tasks(lifecycle, "Task_AssessNationalLandscape")).hasSize(1);
  }

  @Test
  void anEvaluationThatClosesEndsTheEngagement() {
    ProcessInstance lifecycle = afterEvaluation(Map.of("evaluationDecision", "close"));

    assertThat(lifecycle).isEnded().hasPassed("EndEvent_EngagementClosed").hasNotPassed("ServiceTask_StartNextCycle");
  }

  @Test
  void aRenewalCanStartTheNextCycleAtInitiation() {
    ProcessInstance lifecycle = afterEvaluation(Map.of("evaluationDecision", "renew", "nextCycleEntry", "initiation"));

    assertThat(lifecycle).isWaitingAtExactly("CallActivity_Initiation").hasPassed("ServiceTask_StartNextCycle");
    assertThat(lifecycle).variables().containsEntry("cycle", 2);
  }

  @Test
  void theLifecycleIsStartedForTheEngagementInItsCountrysTenant() {
    ProcessInstance lifecycle = start("BHS");

    assertThat(lifecycle).hasBusinessKey(lifecycle.getBusinessKey()).hasProcessDefinitionKey("ncs-lifecycle");
    assertThat(lifecycle.getTenantId()).isEqualTo("BHS");
    assertThat(lifecycle).variables()
        .containsEntry("country", "BHS")
        .containsEntry("cycle", 1)
        .containsEntry("reportingCadence", "P3M")
        .containsEntry("taskDurations", "{\"Task_DraftStrategy\":\"P4M\"}");
    ProcessInstance initiation = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(lifecycle.getId()).singleResult();
    assertThat(initiation.getTenantId()).isEqualTo("BHS");
    assertThat(initiation.getBusinessKey()).isEqualTo(lifecycle.getBusinessKey());
  }

  private ProcessInstance start(String country) {
    LifecyclePlan plan = new LifecyclePlan(LocalDate.of(2031, 12, 31), null, null, null,
        Map.of("Task_DraftStrategy", java.time.Period.ofMonths(4)));
    String id = lifecycles.start(UUID.randomUUID().toString(), country, plan, List.of("ITU", "World Bank"));
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  /** The lifecycle as it stands once its evaluation has decided; phases are covered by their own tests. */
  private ProcessInstance afterEvaluation(Map<String, Object> decision) {
    Map<String, Object> variables = LifecycleDriver.plan();
    variables.putAll(decision);
    return engine.getRuntimeService().createProcessInstanceByKey(Lifecycles.PROCESS_KEY)
        .processDefinitionWithoutTenantId()
        .businessKey(variables.get("engagementId").toString())
        .setVariables(variables)
        .startBeforeActivity("Gateway_Renewal")
        .execute();
  }
}
