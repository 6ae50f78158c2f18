package org.ncs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.ncs.testing.IntegrationTest;

@IntegrationTest
class ProductionProcessIT extends ProcessTest {

  static final String PROCESS = "ncs-phase-3-production";
  static final List<String> THREE_GROUPS = List.of("public-sector", "private-sector", "civil-society");

  @Test
  void theDraftIsReleasedToEachChosenGroupThenApprovedAndPublished() {
    ProcessInstance production = driver.startPhase(PROCESS);

    driver.complete(production, "Task_DraftStrategy", Map.of("consultationGroups", THREE_GROUPS));

    List<Task> feedback = driver.tasks(production, "Task_ProvideFeedback");
    // each group's task goes to the people who answer for that group, not to everyone in the stakeholder role
    assertThat(feedback).hasSize(3).allSatisfy(task -> {
      assertThat(task).hasCandidateUser("driver." + engine.getTaskService().getVariable(task.getId(),
          "stakeholderGroup"));
      assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
          .noneMatch(link -> link.getGroupId() != null);
    });
    assertThat(feedback).extracting(Task::getName).containsExactlyInAnyOrder(
        "Give feedback on the draft (Public sector)", "Give feedback on the draft (Private sector)",
        "Give feedback on the draft (Civil society)");
    for (Task task : feedback) {
      String group = (String) engine.getTaskService().getVariable(task.getId(), "stakeholderGroup");
      driver.complete(task, Map.of("feedback", "Feedback of " + group + " on the draft's scope and priorities."));
    }

    assertThat(production).isWaitingAt("Task_DispositionFeedback");
    // where the approving authority will read the draft: here a link, as the drafting team gave it
    assertThat(production).variables().containsEntry("draftLink", "https://documents.example.org/ncs/draftUrl");
    assertThat(production).variables().extractingByKey("consultationSummary").asString()
        .contains("3 comments", "Public sector: 1", "Private sector: 1", "Civil society: 1");
    driver.complete(production, "Task_DispositionFeedback", Map.of("dispositionDecision", "submit"));
    driver.complete(production, "Task_ApproveStrategy", Map.of("approvalDecision", "adopted",
        "adoptionReference", "Decree 2-27-114", "adoptionDate", LifecycleDriver.daysAgo(2), "strategyEndDate", "2030-12-31"));
    assertThat(production).task().hasDefinitionKey("Task_PublishStrategy");
    driver.complete(production, "Task_PublishStrategy");

    assertThat(production).isEnded()
        .hasPassedInOrder("Task_DraftStrategy", "Task_ProvideFeedback", "ServiceTask_CollectFeedback",
            "Task_DispositionFeedback", "Task_ApproveStrategy", "Task_PublishStrategy");
  }

  @Test
  void feedbackCanSendTheDraftBackForAnotherConsultationRound() {
    ProcessInstance production = driver.startPhase(PROCESS);
    driver.complete(production, "Task_DraftStrategy", Map.of("consultationGroups", List.of("academia")));
    driver.complete(production, "Task_ProvideFeedback");

    driver.complete(production, "Task_DispositionFeedback", Map.of("dispositionDecision", "redraft"));

    assertThat(production).isWaitingAtExactly("Task_DraftStrategy");
    driver.complete(production, "Task_DraftStrategy", Map.of("consultationGroups", List.of("private-sector")));
    assertThat(driver.tasks(production, "Task_ProvideFeedback")).hasSize(1);
    driver.complete(production, "Task_ProvideFeedback", Map.of("feedback", "Second round: agreed with the changes."));
    // the summary counts the second round only
    assertThat(production).variables().extractingByKey("consultationSummary").asString()
        .contains("1 comment", "Private sector: 1").doesNotContain("Academia");
  }

  @Test
  void theApprovingAuthorityCanRequestChangesWhichGoBackToDrafting() {
    ProcessInstance production = awaitingApproval();

    driver.complete(production, "Task_ApproveStrategy", Map.of("approvalDecision", "changes-requested",
        "requestedChanges", "Add a section on protecting children online."));

    assertThat(production).isWaitingAtExactly("Task_DraftStrategy");
    assertThat(production).variables().containsEntry("requestedChanges", "Add a section on protecting children online.");
  }

  @Test
  void anAdoptionDecidedOutsideTheSystemArrivesAsAMessageAndLeadsToPublication() {
    ProcessInstance production = awaitingApproval();

    lifecycles.recordExternalAdoption(production.getBusinessKey(), "Cabinet decision 45/2027",
        LocalDate.parse(LifecycleDriver.daysAgo(5)), LocalDate.of(2031, 12, 31), "cabinet.secretary");

    assertThat(production).isWaitingAtExactly("Task_PublishStrategy")
        .hasPassed("Event_StrategyAdoptedExternally").hasNotPassed("Gateway_StrategyApproved");
    assertThat(production).variables()
        .containsEntry("adoptionReference", "Cabinet decision 45/2027")
        .containsEntry("adoptionDate", LifecycleDriver.daysAgo(5))
        .containsEntry("strategyEndDate", "2031-12-31");
  }

  @Test
  void anAdoptionMessageIsRefusedWhileTheStrategyIsNotAwaitingApproval() {
    ProcessInstance production = driver.startPhase(PROCESS);

    assertThatThrownBy(() -> lifecycles.recordExternalAdoption(
            production.getBusinessKey(), "Cabinet decision 1/2027", LocalDate.of(2027, 1, 5), LocalDate.of(2031, 12, 31),
            "cabinet.secretary"))
        .isInstanceOf(MismatchingMessageCorrelationException.class);
    assertThat(production).isWaitingAtExactly("Task_DraftStrategy");
  }

  /** Drafted, consulted with one group and submitted: waiting for the approving authority. */
  private ProcessInstance awaitingApproval() {
    ProcessInstance production = driver.startPhase(PROCESS);
    driver.complete(production, "Task_DraftStrategy", Map.of("consultationGroups", List.of("academia")));
    driver.complete(production, "Task_ProvideFeedback");
    driver.complete(production, "Task_DispositionFeedback", Map.of("dispositionDecision", "submit"));
    return production;
  }
}
