package org.ncs.lifecycle;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.ncs.security.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * What the models say about each user task, read once per process definition: a deployed definition never
 * changes, so the inbox and every task view look these facts up in memory instead of asking the engine per task.
 */
@Component
class TaskModels {

  /**
   * @param name the task's name in the model (an instance may fill in parts of it)
   * @param phase the guide's phase (P1 to P5) of the model, if it is a phase model
   * @param formKey the Camunda Form the task is completed with, if any
   * @param deploymentId where the task's form is deployed (forms are bound to their model's deployment)
   * @param followsUp for a follow-up task, the activity whose overdue timer started it
   */
  record TaskModel(String name, String phase, TaskKind kind, String formKey, String deploymentId,
      String followsUp) {
  }

  private final RepositoryService repository;
  private final SystemAccess system;
  private final Map<String, Map<String, TaskModel>> byDefinition = new ConcurrentHashMap<>();

  TaskModels(RepositoryService repository, SystemAccess system) {
    this.repository = repository;
    this.system = system;
  }

  /** The user task {@code activityId} of the process definition, if the model has one. */
  Optional<TaskModel> of(String processDefinitionId, String activityId) {
    return Optional.ofNullable(byDefinition.computeIfAbsent(processDefinitionId, this::load).get(activityId));
  }

  /** Every user task of the process definition. */
  Collection<TaskModel> all(String processDefinitionId) {
    return byDefinition.computeIfAbsent(processDefinitionId, this::load).values();
  }

  /** The follow-up tasks that the task {@code activityId} starts when it is overdue. */
  Set<String> followUpsOf(String processDefinitionId, String activityId) {
    return byDefinition.computeIfAbsent(processDefinitionId, this::load).entrySet().stream()
        .filter(task -> activityId.equals(task.getValue().followsUp()))
        .map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  private Map<String, TaskModel> load(String processDefinitionId) {
    return system.call(() -> {
      ProcessDefinition definition = repository.getProcessDefinition(processDefinitionId);
      String phase = LifecyclePhase.ofProcess(definition.getKey()).map(Enum::name).orElse(null);
      return repository.getBpmnModelInstance(processDefinitionId).getModelElementsByType(UserTask.class).stream()
          .collect(Collectors.toUnmodifiableMap(UserTask::getId, task -> new TaskModel(task.getName(), phase,
              TaskKind.of(task), task.getCamundaFormRef(), definition.getDeploymentId(), followedActivity(task))));
    });
  }

  /** A follow-up is reached from the overdue timer of the task it follows up: that task's id. */
  private static String followedActivity(UserTask task) {
    if (!TaskKind.of(task).isEscalation()) {
      return null;
    }
    return task.getPreviousNodes().list().stream()
        .filter(BoundaryEvent.class::isInstance)
        .map(node -> ((BoundaryEvent) node).getAttachedTo())
        .map(FlowNode::getId)
        .findFirst().orElse(null);
  }
}
