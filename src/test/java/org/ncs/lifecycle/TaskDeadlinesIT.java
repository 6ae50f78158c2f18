package org.ncs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ncs.audit.AuditTrail;
import org.ncs.notification.Notification;
import org.ncs.notification.NotificationKind;
import org.ncs.notification.Notifications;
import org.ncs.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every task of every phase: due at the model's default period after it starts, a reminder recorded at the due
 * date, a follow-up task for the ITU officer after the grace period, which is itself reminded and can be closed.
 */
@IntegrationTest
class TaskDeadlinesIT {

  private static final Pattern DEFAULT_PERIOD = Pattern.compile("'(P[0-9A-Z]+)'\\)\\}$");

  @Autowired
  ProcessEngine engine;

  @Autowired
  Notifications notifications;

  @Autowired
  AuditTrail audit;

  LifecycleDriver driver;

  @BeforeEach
  void setUp() {
    driver = new LifecycleDriver(engine);
  }

  static Stream<Arguments> phaseTasks() {
    return Stream.of(new File("bpmn").listFiles((dir, name) -> name.startsWith("ncs-phase-")))
        .sorted()
        .flatMap(file -> {
          BpmnModelInstance model = Bpmn.readModelFromFile(file);
          String process = model.getModelElementsByType(Process.class).iterator().next().getId();
          return model.getModelElementsByType(UserTask.class).stream()
              .filter(task -> !TaskKind.of(task).isEscalation())
              .map(task -> Arguments.of(process, task.getId(), task.getCamundaDueDate()));
        });
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("phaseTasks")
  void anOverdueTaskIsRemindedThenFollowedUpByTheItuOfficer(String process, String taskKey, String dueDate) {
    Instant before = Instant.now();
    ProcessInstance phase = start(process, taskKey);
    Task task = reach(process, phase, taskKey);
    String base = taskKey.substring("Task_".length());

    Period period = defaultPeriod(dueDate);
    assertThat(task.getDueDate().toInstant())
        .isBetween(plus(before, period), plus(Instant.now(), period));
    assertThat(driver.timers(phase, "Timer_" + base + "Due").get(0).getDuedate().getTime())
        .isCloseTo(task.getDueDate().getTime(), within(5_000L));

    driver.fireTimer(phase, "Timer_" + base + "Due");
    // the task was announced when it began; at its due date, the reminders
    List<Notification> reminders = notifications.forTask(task.getId()).stream()
        .filter(notification -> notification.kind() != NotificationKind.TASK_WAITING
            && notification.kind() != NotificationKind.RETURNED).toList();
    assertThat(reminders).extracting(Notification::kind).containsOnly(NotificationKind.REMINDER);
    // its groups, or the people it names (a stakeholder group's feedback)
    assertThat(reminders).isNotEmpty().allSatisfy(reminder -> assertThat(reminder.recipientGroup() != null
        || reminder.recipientUser() != null).as("a recipient of %s", reminder).isTrue());
    assertThat(reminders).allSatisfy(n -> assertThat(n.tenantId()).isEqualTo(LifecycleDriver.COUNTRY));

    driver.fireTimer(phase, "Timer_" + base + "Overdue");
    Task followUp = driver.task(phase, "Task_FollowUp" + base);
    assertThat(engine.getTaskService().getIdentityLinksForTask(followUp.getId()))
        .extracting(link -> link.getGroupId()).containsExactly("itu-officer");
    assertThat(engine.getTaskService().getVariable(followUp.getId(), "overdueTask")).asString()
        .isEqualTo(task.getName().replaceAll(" \\(.*\\)$", ""));
    assertThat(notifications.forTask(followUp.getId())).extracting(Notification::kind)
        .containsExactly(NotificationKind.ESCALATION);
    // the original task is still open: the follow-up runs beside it
    assertThat(driver.tasks(phase, taskKey)).isNotEmpty();

    driver.fireTimer(phase, "Timer_FollowUp" + base + "Due");
    assertThat(notifications.forTask(followUp.getId())).extracting(Notification::kind)
        .containsExactly(NotificationKind.ESCALATION, NotificationKind.REMINDER);
    driver.complete(followUp, Map.of("followUpAction", "contacted",
        "followUpNotes", "Called the lead authority; the draft is with the minister."));
    assertThat(driver.tasks(phase, "Task_FollowUp" + base)).isEmpty();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .activityId("Event_" + base + "FollowedUp").processInstanceId(followUp.getProcessInstanceId()).count())
        .isEqualTo(1);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("phaseTasks")
  void aFollowUpEndsWhenTheTaskItFollowsUpEnds(String process, String taskKey, String dueDate) {
    ProcessInstance phase = start(process, taskKey);
    reach(process, phase, taskKey);
    String base = taskKey.substring("Task_".length());
    driver.fireTimer(phase, "Timer_" + base + "Overdue");
    Task followUp = driver.task(phase, "Task_FollowUp" + base);

    List<Task> items = driver.tasks(phase, taskKey);
    for (Task item : items.subList(0, items.size() - 1)) {
      driver.complete(item, forward(taskKey, taskKey));
      // a task done once per item (each group's feedback) is followed up until the last item is done
      assertThat(driver.tasks(phase, "Task_FollowUp" + base)).as("follow-up while items remain").hasSize(1);
    }
    driver.complete(items.get(items.size() - 1), forward(taskKey, taskKey));

    assertThat(driver.tasks(phase, "Task_FollowUp" + base)).as("open follow-ups of %s", taskKey).isEmpty();
    var ended = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(followUp.getId())
        .singleResult();
    assertThat(ended.getEndTime()).isNotNull();
    assertThat(ended.getDeleteReason()).isNotEqualTo("completed");
    boolean phaseGoesOn = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(phase.getId()).count() == 1;
    // a phase that ended took the follow-up with it; one that goes on records why the follow-up ended
    assertThat(audit.count(phase.getBusinessKey(), "FOLLOW_UP_CLOSED")).isEqualTo(phaseGoesOn ? 1 : 0);
  }

  /** The steering committee approves the action plan only where the World Bank is no partner to review it. */
  private ProcessInstance start(String process, String taskKey) {
    return taskKey.equals("Task_ApproveActionPlan")
        ? driver.startPhase(process, Map.of("partners", new ArrayList<>(List.of("ITU"))))
        : driver.startPhase(process);
  }

  /** Goes forward through the phase, the way its happy path does, until the task is open. */
  private Task reach(String process, ProcessInstance phase, String target) {
    for (int step = 0; step < 40; step++) {
      List<Task> open = engine.getTaskService().createTaskQuery()
          .processInstanceBusinessKey(phase.getBusinessKey()).list();
      for (Task task : open) {
        if (task.getTaskDefinitionKey().equals(target)) {
          return task;
        }
      }
      if (!open.isEmpty()) {
        Task next = open.get(0);
        driver.complete(next, forward(next.getTaskDefinitionKey(), target));
      } else if (target.equals("Task_EvaluateOutcome")) {
        driver.fireTimer(phase, "Timer_StrategyPeriodOver");
      } else {
        String cycle = process.startsWith("ncs-phase-4")
            ? "Timer_ProgressReportDue" : "Timer_MonitoringRoundDue";
        driver.fireTimer(phase, cycle);
      }
    }
    throw new AssertionError("never reached " + target);
  }

  private static Map<String, Object> forward(String taskKey, String target) {
    Map<String, Object> answers = new HashMap<>();
    switch (taskKey) {
      case "Task_ApprovePlan" -> answers.put("planDecision", "approved");
      case "Task_ReviewAnalysis" -> answers.put("analysisDecision", "accepted");
      case "Task_DispositionFeedback" -> answers.put("dispositionDecision", "submit");
      case "Task_ApproveStrategy" -> answers.putAll(Map.of("approvalDecision", "adopted",
          "adoptionReference", "Decree 7", "adoptionDate", LifecycleDriver.daysAgo(1), "strategyEndDate", "2031-12-31"));
      case "Task_ReviewActionPlan", "Task_ApproveActionPlan" -> answers.put("actionPlanDecision", "approved");
      case "Task_EvaluateOutcome" -> answers.put("evaluationDecision", "close");
      case "Task_MonitorProgress" -> answers.putAll(target.equals("Task_TakeCorrectiveAction")
          ? Map.of("slippage", "slippage", "slippageDescription", "Two actions are a quarter late.")
          : Map.of("slippage", "on-track"));
      default -> {
      }
    }
    return answers;
  }

  private static Period defaultPeriod(String dueDateExpression) {
    Matcher matcher = DEFAULT_PERIOD.matcher(dueDateExpression);
    assertThat(matcher.find()).as("default period in %s", dueDateExpression).isTrue();
    return Period.parse(matcher.group(1));
  }

  private static Instant plus(Instant instant, Period period) {
    return instant.atZone(ZoneOffset.UTC).plus(period).toInstant();
  }
}
