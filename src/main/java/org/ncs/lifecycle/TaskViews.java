package org.ncs.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Turns engine tasks into {@link OpenTask}s: the engagement from the instance's business key, the phase from the
 * task's model, step and kind from the task's properties.
 */
@Component
class TaskViews {

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final Map<String, String> processKeys = new ConcurrentHashMap<>();

  TaskViews(RepositoryService repository, RuntimeService runtime, TaskService tasks) {
    this.repository = repository;
    this.runtime = runtime;
    this.tasks = tasks;
  }

  List<OpenTask> of(List<Task> page) {
    Set<String> instanceIds = page.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    Map<String, String> engagements = instanceIds.isEmpty() ? Map.of()
        : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
            .collect(Collectors.toMap(ProcessInstance::getId, p -> String.valueOf(p.getBusinessKey())));
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return page.stream().map(task -> of(task, engagements.get(task.getProcessInstanceId()), now)).toList();
  }

  /** The engagement a task belongs to: the business key of its instance. */
  String engagementOf(Task task) {
    return runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
        .getBusinessKey();
  }

  private OpenTask of(Task task, String engagementId, Instant now) {
    String processKey = processKeys.computeIfAbsent(task.getProcessDefinitionId(),
        id -> repository.getProcessDefinition(id).getKey());
    UserTask model = repository.getBpmnModelInstance(task.getProcessDefinitionId())
        .getModelElementById(task.getTaskDefinitionKey());
    TaskKind kind = TaskKind.of(model);
    List<String> groups = CandidateGroups.of(tasks.getIdentityLinksForTask(task.getId()));
    Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
    return new OpenTask(task.getId(), task.getName(), engagementId, task.getTenantId(),
        LifecyclePhase.ofProcess(processKey).map(Enum::name).orElse(null), kind.step(), kind.kind(), groups,
        task.getAssignee(), task.getCreateTime().toInstant(), due, due != null && due.isBefore(now));
  }
}
