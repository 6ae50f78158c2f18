package org.ncs.lifecycle;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ncs.audit.AuditTrail;
import org.ncs.lifecycle.TaskModels.TaskModel;
import org.ncs.security.SystemAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A follow-up exists for its overdue task only: when that task ends (completed, or cancelled by the lifecycle),
 * the ITU officer's open follow-up of it ends too, in the same transaction, and the trail says why. For a task
 * done once per item (each stakeholder group's feedback), the follow-up ends with the last of them.
 *
 * <p>The follow-up cannot be ended from inside the command that ends its task (the engine is still moving that
 * command's executions), so a listener notes the ended task and an interceptor around every engine command ends
 * the follow-ups once the command is done, in the same transaction. Engine services are looked up when first
 * needed: the engine itself is built with this class's listener and interceptor.
 */
@Component
class FollowUps {

  private record Ended(String processInstanceId, String activityId, String taskName) {
  }

  private final ThreadLocal<Set<Ended>> ended = ThreadLocal.withInitial(LinkedHashSet::new);
  private final ThreadLocal<Boolean> running = ThreadLocal.withInitial(() -> false);
  private final ObjectProvider<ProcessEngine> engine;
  private final ObjectProvider<TaskModels> models;
  private final ObjectProvider<SystemAccess> system;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;

  FollowUps(ObjectProvider<ProcessEngine> engine, ObjectProvider<TaskModels> models,
      ObjectProvider<SystemAccess> system, AuditTrail audit, TransactionTemplate transaction) {
    this.engine = engine;
    this.models = models;
    this.system = system;
    this.audit = audit;
    this.transaction = transaction;
  }

  /** On complete and delete of every user task: notes it if a follow-up of it is open. */
  TaskListener onEnd() {
    return task -> {
      ExecutionEntity execution = (ExecutionEntity) task.getExecution();
      Set<String> followUps = execution == null ? Set.of()
          : models.getObject().followUpsOf(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
      if (!followUps.isEmpty()
          && execution.getProcessInstance().findActiveActivityIds().stream().anyMatch(followUps::contains)) {
        ended.get().add(new Ended(task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getName()));
      }
    };
  }

  /** Around every engine command: once it is done, in the same transaction, ends the follow-ups of its tasks. */
  CommandInterceptor interceptor() {
    return new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (running.get()) {
          return next.execute(command);
        }
        running.set(true);
        try {
          return transaction.execute(status -> {
            T result = next.execute(command);
            while (!ended.get().isEmpty()) {
              Ended task = ended.get().iterator().next();
              ended.get().remove(task);
              system.getObject().run(() -> endFollowUpsOf(task));
            }
            return result;
          });
        } finally {
          running.remove();
          ended.remove();
        }
      }
    };
  }

  private void endFollowUpsOf(Ended task) {
    ProcessEngine services = engine.getObject();
    var open = services.getTaskService().createTaskQuery().processInstanceId(task.processInstanceId()).list();
    if (open.stream().anyMatch(other -> other.getTaskDefinitionKey().equals(task.activityId()))) {
      return; // the task is still open for other items
    }
    for (Task followUp : open) {
      String follows = models.getObject().of(followUp.getProcessDefinitionId(), followUp.getTaskDefinitionKey())
          .map(TaskModel::followsUp).orElse(null);
      if (task.activityId().equals(follows)) {
        services.getRuntimeService().createProcessInstanceModification(task.processInstanceId())
            .cancelAllForActivity(followUp.getTaskDefinitionKey())
            .setAnnotation("'" + task.taskName() + "' ended, so its follow-up is no longer needed")
            .execute(false, true);
        ProcessInstance instance = services.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(task.processInstanceId()).singleResult();
        audit.record(null, followUp.getTenantId(), instance == null ? null : instance.getBusinessKey(),
            "FOLLOW_UP_CLOSED", followUp.getId(), Map.of("task", followUp.getName(),
                "activity", followUp.getTaskDefinitionKey(),
                "reason", "'" + task.taskName() + "' ended"));
      }
    }
  }
}
