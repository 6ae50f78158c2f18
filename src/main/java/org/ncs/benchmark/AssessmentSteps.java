package org.ncs.benchmark;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.ncs.lifecycle.StepTasks;
import org.ncs.lifecycle.TaskDataRejectedException;
import org.ncs.web.FieldError;
import org.ncs.web.Messages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the lifecycle models meet the benchmark, named in the models:
 *
 * <ul>
 *   <li>{@code openBaselineAssessment}, when stocktaking's landscape assessment begins, and
 *       {@code openProgressAssessment}, when a monitoring round begins: the step gets its assessment (the open one,
 *       or a new draft pre-filled from the latest validated one), kept on the task as {@value #ASSESSMENT};</li>
 *   <li>{@code requireValidatedAssessment}, when such a step is completed: only once an ITU officer of the country
 *       has validated it. The ratings are measured, not typed into the step's form.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class AssessmentSteps {

  /** The task-local variable that names the step's assessment. */
  static final String ASSESSMENT = "assessment";

  private final Assessments assessments;

  AssessmentSteps(Assessments assessments) {
    this.assessments = assessments;
  }

  /** A baseline validated since stocktaking began (before more analysis was asked for, say) still serves. */
  @Bean
  TaskListener openBaselineAssessment() {
    return task -> open(task, AssessmentKind.BASELINE, phaseStart(task));
  }

  /** Each monitoring round measures anew. */
  @Bean
  TaskListener openProgressAssessment() {
    return task -> open(task, AssessmentKind.PROGRESS, null);
  }

  @Bean
  TaskListener requireValidatedAssessment() {
    return task -> {
      Object linked = task.getVariableLocal(ASSESSMENT);
      assessments.blocking(task.getExecution().getProcessBusinessKey(), linked == null ? null : linked.toString(),
          task.getCreateTime().toInstant()).ifPresent(state -> {
            throw new TaskDataRejectedException(task.getId(), task.getName(), List.of(new FieldError(ASSESSMENT,
                Messages.get("benchmark.step.notValidated", Messages.get("assessment.state." + state.name())))));
          });
    };
  }

  private void open(DelegateTask task, AssessmentKind kind, Instant reuseValidatedSince) {
    String id = assessments.openForStep(task.getExecution().getProcessBusinessKey(), StepTasks.country(task), kind,
        StepTasks.actor(task), reuseValidatedSince);
    task.setVariableLocal(ASSESSMENT, id);
  }

  /**
   * When the phase began; none if it began in this very transaction (its history is not written yet), when nothing
   * can have been validated since.
   */
  private static Instant phaseStart(DelegateTask task) {
    HistoricProcessInstance phase = task.getProcessEngineServices().getHistoryService()
        .createHistoricProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
    return phase == null ? null : phase.getStartTime().toInstant();
  }
}
