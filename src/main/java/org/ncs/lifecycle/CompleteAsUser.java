package org.ncs.lifecycle;

import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Claims a task for the caller if nobody has, and completes it, as one engine command: the task is read once,
 * the caller's countries and permissions are checked once, and claim and completion commit together. A task the
 * caller may not work on is {@link TaskNotOpenException not open} for them, exactly like one that does not exist.
 */
final class CompleteAsUser implements Command<Void> {

  private final String taskId;
  private final String userId;
  private final Map<String, Object> answers;
  private final Consumer<Task> beforeCompletion;

  /** @param beforeCompletion checks the open task (answers, assignee) and throws to refuse */
  CompleteAsUser(String taskId, String userId, Map<String, Object> answers, Consumer<Task> beforeCompletion) {
    this.taskId = taskId;
    this.userId = userId;
    this.answers = answers;
    this.beforeCompletion = beforeCompletion;
  }

  @Override
  public Void execute(CommandContext context) {
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null || !context.getTenantManager().isAuthenticatedTenant(task.getTenantId())) {
      throw new TaskNotOpenException(taskId);
    }
    try {
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkTaskWork(task);
      }
    } catch (AuthorizationException e) {
      throw new TaskNotOpenException(taskId);
    }
    beforeCompletion.accept(task);
    if (task.getAssignee() == null) {
      // what the engine's claim does, its permission check made above
      task.setAssignee(userId);
      task.triggerUpdateEvent();
      task.logUserOperation(UserOperationLogEntry.OPERATION_TYPE_CLAIM);
    }
    new CompleteTaskCmd(taskId, answers).execute(context);
    return null;
  }
}
