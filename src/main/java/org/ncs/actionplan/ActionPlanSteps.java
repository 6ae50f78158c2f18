package org.ncs.actionplan;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.ncs.actionplan.ActionPlanViews.Decision;
import org.ncs.actionplan.ActionPlanViews.Reviewer;
import org.ncs.actionplan.ProgressFigures.Figures;
import org.ncs.lifecycle.StepTasks;
import org.ncs.lifecycle.TaskDataRejectedException;
import org.ncs.lifecycle.TaskInbox;
import org.ncs.security.Roles;
import org.ncs.web.FieldError;
import org.ncs.web.InvalidRequestException;
import org.ncs.web.Messages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the implementation and monitoring models meet the action plan, named in the models:
 *
 * <ul>
 *   <li>{@code submitActionPlan}, when the plan is compiled: its initiatives are frozen as the plan's next version,
 *       whose number the review's form shows as {@value #VERSION};</li>
 *   <li>{@code openActionPlanReview}, when the World Bank's review or the steering committee's approval begins:
 *       the version learns who decides on it (and so who may comment);</li>
 *   <li>{@code decideActionPlan}, when that task is completed: the decision, refused when it asks for changes
 *       without a comment to say which;</li>
 *   <li>{@code requireProgressReport}, when a progress report falls due and is completed: only once the team has
 *       reported on the plan's initiatives (the figures come from that report, not from the task's form);</li>
 *   <li>{@code measureSlippage}, when a monitoring round begins: the latest report's timeliness and late
 *       initiatives, and the slippage they show as the proposed answer.</li>
 * </ul>
 *
 * A refusal keeps the task open with the reasons, field by field, as a form's own checks do.
 */
@Configuration(proxyBeanMethods = false)
class ActionPlanSteps {

  static final String VERSION = "actionPlanVersion";
  private static final String DECISION = "actionPlanDecision";
  private static final String COMMENTS = "actionPlanComments";
  static final String SLIPPAGE = "slippage";

  private final PlanReviews reviews;
  private final ProgressReports reports;

  ActionPlanSteps(PlanReviews reviews, ProgressReports reports) {
    this.reviews = reviews;
    this.reports = reports;
  }

  @Bean
  TaskListener submitActionPlan() {
    return task -> refusing(task, () -> task.setVariable(VERSION,
        reviews.submit(engagement(task), StepTasks.country(task), cycle(task), StepTasks.actor(task))));
  }

  /** The last round's general comment is kept on its version; the new round's form starts without it. */
  @Bean
  TaskListener openActionPlanReview() {
    return task -> {
      reviews.openReview(engagement(task), cycle(task), reviewer(task));
      task.removeVariable(COMMENTS);
    };
  }

  @Bean
  TaskListener decideActionPlan() {
    return task -> refusing(task, () -> {
      Object comments = task.getVariable(COMMENTS);
      reviews.decide(engagement(task), cycle(task), decision(task.getVariable(DECISION)),
          comments == null ? null : comments.toString(), StepTasks.actor(task));
    });
  }

  /**
   * A report counts for the task if it was sent since the last report's task was done (or implementation began):
   * the team may report before the task falls due, and one report never answers two tasks.
   */
  @Bean
  TaskListener requireProgressReport() {
    return task -> {
      HistoryService history = task.getProcessEngineServices().getHistoryService();
      Date since = history.createHistoricTaskInstanceQuery().processInstanceId(task.getProcessInstanceId())
          .taskDefinitionKey(task.getTaskDefinitionKey()).finished().orderByHistoricTaskInstanceEndTime().desc()
          .listPage(0, 1).stream().map(HistoricTaskInstance::getEndTime).findFirst()
          .orElseGet(() -> history.createHistoricProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
              .singleResult().getStartTime());
      if (!reports.reportedSince(engagement(task), cycle(task), since.toInstant())) {
        throw new TaskDataRejectedException(task.getId(), task.getName(), List.of(new FieldError("progressReport",
            Messages.get("actionplan.report.required"))));
      }
    };
  }

  /**
   * A monitoring round starts from the latest progress report: its day, its timeliness and the initiatives not on
   * time, kept on the round's task for its form to word in the reader's language, and the slippage they show
   * proposed as the monitoring body's answer (which it may change, saying why). Without a report, nothing.
   */
  @Bean
  TaskListener measureSlippage() {
    return task -> reports.latest(engagement(task), cycle(task)).ifPresent(figures -> {
      List<String> late = figures.initiatives().stream().filter(initiative -> !initiative.onTime())
          .map(initiative -> initiative.number() + " " + initiative.title()).toList();
      Figures overall = figures.overall();
      task.setVariablesLocal(Map.of("slippageAsOf", figures.asOf().toString(),
          "milestonesOnTime", overall.milestonesOnTime(), "milestonesDue", overall.milestonesDue(),
          "initiativesOnTime", overall.initiativesOnTime(), "initiativesCounted", overall.initiatives(),
          "lateInitiatives", String.join("; ", late)));
      task.setVariableLocal(SLIPPAGE + TaskInbox.PROPOSED, late.isEmpty() ? "on-track" : "slippage");
    });
  }

  private static void refusing(DelegateTask task, Runnable step) {
    try {
      step.run();
    } catch (InvalidRequestException refused) {
      throw new TaskDataRejectedException(task.getId(), task.getName(), refused.errors());
    }
  }

  /** The model's decision values: {@code approved} or {@code changes-requested}. */
  private static Decision decision(Object value) {
    return switch (String.valueOf(value)) {
      case "approved" -> Decision.APPROVED;
      case "changes-requested" -> Decision.CHANGES_REQUESTED;
      default -> throw new ProcessEngineException("Not a decision on an action plan: " + value);
    };
  }

  /** The World Bank reviews when its co-facilitators are the task's candidates; otherwise the steering committee. */
  private static Reviewer reviewer(DelegateTask task) {
    return task.getCandidates().stream().map(IdentityLink::getGroupId)
        .anyMatch(Roles.WB_COFACILITATOR::equals) ? Reviewer.WORLD_BANK : Reviewer.STEERING_COMMITTEE;
  }

  private static String engagement(DelegateTask task) {
    return task.getExecution().getProcessBusinessKey();
  }

  private static int cycle(DelegateTask task) {
    Object cycle = task.getVariable("cycle");
    if (cycle == null) {
      throw new ProcessEngineException("Task " + task.getId() + " belongs to no strategy cycle: no action plan");
    }
    return Integer.parseInt(cycle.toString());
  }
}
