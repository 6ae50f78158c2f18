package org.ncs.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After a consultation round, puts the feedback of every stakeholder group of that round in front of the
 * drafting team: a summary variable that the disposition form shows. The round is what was answered since
 * the draft was last released.
 */
@Component("collectConsultationFeedback")
class ConsultationFeedback implements JavaDelegate {

  static final String DRAFT_TASK = "Task_DraftStrategy";
  static final String FEEDBACK_TASK = "Task_ProvideFeedback";
  static final String SUMMARY = "consultationSummary";

  private final TaskOutcomeRepository outcomes;
  private final ObjectMapper json;

  ConsultationFeedback(TaskOutcomeRepository outcomes, ObjectMapper json) {
    this.outcomes = outcomes;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String instance = execution.getProcessInstanceId();
    Instant released = outcomes.findByProcessInstanceIdAndActivityIdOrderByCompletedAt(instance, DRAFT_TASK)
        .stream().map(TaskOutcome::completedAt).reduce((first, last) -> last).orElse(Instant.EPOCH);
    List<TaskOutcome> round = outcomes.findByProcessInstanceIdAndActivityIdOrderByCompletedAt(instance, FEEDBACK_TASK)
        .stream().filter(outcome -> !outcome.completedAt().isBefore(released)).toList();
    StringBuilder summary = new StringBuilder();
    for (TaskOutcome outcome : round) {
      JsonNode fields = read(outcome.outcome());
      summary.append("**").append(fields.path("stakeholderGroup").asText("stakeholders")).append("**");
      if (outcome.completedBy() != null) {
        summary.append(" (").append(outcome.completedBy()).append(")");
      }
      summary.append(": ").append(fields.path("feedback").asText(""));
      if (fields.hasNonNull("feedbackUrl")) {
        summary.append(" [document](").append(fields.get("feedbackUrl").asText()).append(")");
      }
      summary.append("\n\n");
    }
    execution.setVariable(SUMMARY, summary.isEmpty() ? "No feedback was received." : summary.toString().trim());
  }

  private JsonNode read(String outcome) {
    try {
      return json.readTree(outcome);
    } catch (JsonProcessingException e) {
      throw new ProcessEngineException("A recorded feedback is not JSON", e);
    }
  }
}
