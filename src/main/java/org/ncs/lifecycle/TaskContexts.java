package org.ncs.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.ncs.lifecycle.TaskContext.PastTask;
import org.ncs.lifecycle.TaskModels.TaskModel;
import org.ncs.security.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * Finds what came before a task from the outcomes recorded in its process instance. A task has a previous round
 * when the same activity was completed before; for a task that runs once per item (a stakeholder group's
 * feedback), only the round for the same item counts: its form's read-only fields, which show the item, must
 * match, and the other items' answers are not shown.
 */
@Component
class TaskContexts {

  private final TaskOutcomeRepository outcomes;
  private final TaskModels models;
  private final TaskService tasks;
  private final SystemAccess system;
  private final ObjectMapper json;

  TaskContexts(TaskOutcomeRepository outcomes, TaskModels models, TaskService tasks, SystemAccess system,
      ObjectMapper json) {
    this.outcomes = outcomes;
    this.models = models;
    this.tasks = tasks;
    this.system = system;
    this.json = json;
  }

  Optional<TaskContext> of(Task task, List<FormField> fields) {
    List<TaskOutcome> done = outcomes.findByProcessInstanceIdOrderByCompletedAt(task.getProcessInstanceId());
    if (done.stream().noneMatch(outcome -> outcome.activityId().equals(task.getTaskDefinitionKey()))) {
      return Optional.empty();
    }
    List<String> itemFields = fields.stream().filter(FormField::readonly).map(FormField::key).toList();
    Map<String, Object> item = itemFields.isEmpty() ? Map.of()
        : system.call(() -> tasks.getVariables(task.getId(), itemFields));
    for (int i = done.size() - 1; i >= 0; i--) {
      TaskOutcome outcome = done.get(i);
      if (outcome.activityId().equals(task.getTaskDefinitionKey()) && sameItem(read(outcome), item)) {
        return Optional.of(new TaskContext(past(task, outcome), done.subList(i + 1, done.size()).stream()
            .filter(later -> !later.activityId().equals(task.getTaskDefinitionKey()))
            .map(later -> past(task, later))
            .toList()));
      }
    }
    return Optional.empty();
  }

  private static boolean sameItem(JsonNode answers, Map<String, Object> item) {
    return item.entrySet().stream().allMatch(field ->
        Objects.equals(answers.path(field.getKey()).asText(null), Objects.toString(field.getValue(), null)));
  }

  private PastTask past(Task task, TaskOutcome outcome) {
    String name = outcome.taskName() != null ? outcome.taskName()
        : models.of(task.getProcessDefinitionId(), outcome.activityId()).map(TaskModel::name)
            .orElse(outcome.activityId());
    return new PastTask(outcome.activityId(), name, outcome.stepId(), outcome.kind(), outcome.completedBy(),
        outcome.completedAt(), read(outcome));
  }

  private JsonNode read(TaskOutcome outcome) {
    try {
      return json.readTree(outcome.outcome());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The recorded outcome of task " + outcome.taskId() + " is not JSON", e);
    }
  }
}
