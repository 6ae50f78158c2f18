package org.ncs.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.ncs.audit.AuditTrail;
import org.ncs.security.CurrentUser;
import org.ncs.security.SystemAccess;
import org.ncs.web.ConflictException;
import org.ncs.web.FieldError;
import org.ncs.web.NotFoundException;
import org.ncs.web.ResultPage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's lifecycle tasks: the ones assigned to them and the ones waiting for their groups, in their
 * countries. Every query runs with the caller's engine authentication, so the engine's tenant and authorization
 * checks decide what exists for them; anything else is not found.
 */
@Service
public class TaskInbox {

  private final TaskService tasks;
  private final HistoryService history;
  private final RepositoryService repository;
  private final TaskViews views;
  private final TaskForms forms;
  private final AuditTrail audit;
  private final SystemAccess system;
  private final TransactionTemplate transaction;

  TaskInbox(TaskService tasks, HistoryService history, RepositoryService repository, TaskViews views,
      TaskForms forms, AuditTrail audit, SystemAccess system, TransactionTemplate transaction) {
    this.tasks = tasks;
    this.history = history;
    this.repository = repository;
    this.views = views;
    this.forms = forms;
    this.audit = audit;
    this.system = system;
    this.transaction = transaction;
  }

  /**
   * @param engagementId only this engagement's tasks, if given
   * @param phase only tasks of this phase (P1 to P5), if given
   * @param dueBefore only tasks due before this moment, if given
   * @param overdue only tasks past their due date
   */
  public ResultPage<OpenTask> list(CurrentUser user, String engagementId, String phase, Instant dueBefore,
      boolean overdue, int page, int size) {
    TaskQuery query = tasks.createTaskQuery();
    List<String> groups = new ArrayList<>(user.groups());
    if (groups.isEmpty()) {
      query.taskAssignee(user.id());
    } else {
      query.or().taskAssignee(user.id()).taskCandidateGroupIn(groups).endOr();
    }
    if (engagementId != null) {
      query.processInstanceBusinessKey(engagementId);
    }
    if (phase != null) {
      query.processDefinitionKey(LifecyclePhase.valueOf(phase).processKey);
    }
    if (dueBefore != null) {
      query.dueBefore(Date.from(dueBefore));
    }
    if (overdue) {
      query.dueBefore(ClockUtil.getCurrentTime());
    }
    long total = query.count();
    List<Task> found = query.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(page * size, size);
    return ResultPage.of(views.of(found), page, size, total);
  }

  /** A task the caller may see, with the fields its form asks for. */
  public TaskDetail get(String taskId) {
    Task task = visible(taskId).orElseThrow(() -> notFound(taskId));
    String deploymentId = repository.getProcessDefinition(task.getProcessDefinitionId()).getDeploymentId();
    List<FormField> fields = form(task, deploymentId).map(TaskForm::fields).orElse(List.of());
    return new TaskDetail(views.of(List.of(task)).get(0), formKey(task), fields);
  }

  /** The task, if the caller may see it. */
  public Optional<OpenTask> find(String taskId) {
    return visible(taskId).map(task -> views.of(List.of(task)).get(0));
  }

  public void claim(String taskId, CurrentUser user) {
    try {
      claimAlone(taskId, user);
    } catch (AuthorizationException e) {
      throw e;
    } catch (ProcessEngineException e) {
      throw lostRace(taskId, user, e);
    }
  }

  private void claimAlone(String taskId, CurrentUser user) {
    transaction.executeWithoutResult(status -> {
      Task task = visible(taskId).orElseThrow(() -> notFound(taskId));
      if (user.id().equals(task.getAssignee())) {
        return;
      }
      if (task.getAssignee() != null) {
        throw claimedByOther();
      }
      tasks.claim(taskId, user.id());
      audit.record(user.id(), task.getTenantId(), views.engagementOf(task), "TASK_CLAIMED",
          taskId, Map.of("task", task.getName()));
    });
  }

  public void unclaim(String taskId, CurrentUser user) {
    transaction.executeWithoutResult(status -> {
      Task task = visible(taskId).orElseThrow(() -> notFound(taskId));
      if (task.getAssignee() == null) {
        return;
      }
      if (!task.getAssignee().equals(user.id()) && !user.isAdmin()) {
        throw claimedByOther();
      }
      tasks.setAssignee(taskId, null);
      audit.record(user.id(), task.getTenantId(), views.engagementOf(task), "TASK_UNCLAIMED",
          taskId, Map.of("task", task.getName(), "before", task.getAssignee()));
    });
  }

  /**
   * Claims the task for the caller if nobody has, and completes it with the answers to its form, in one
   * transaction. Answers that break the form's rules are rejected field by field and change nothing; if someone
   * else completed or claimed the task first, the caller gets a conflict.
   */
  public void complete(String taskId, Map<String, Object> answers, CurrentUser user) {
    try {
      transaction.executeWithoutResult(status -> {
        Task task = visible(taskId).orElseThrow(() -> notFound(taskId));
        checkAnswers(task, answers);
        if (task.getAssignee() == null) {
          tasks.claim(taskId, user.id());
        } else if (!task.getAssignee().equals(user.id())) {
          throw claimedByOther();
        }
        tasks.complete(taskId, answers);
      });
    } catch (TaskDataRejectedException | AuthorizationException e) {
      throw e;
    } catch (ProcessEngineException e) {
      throw lostRace(taskId, user, e);
    }
  }

  /** Another completion or claim committed first: a conflict. Anything else is not the caller's doing. */
  private RuntimeException lostRace(String taskId, CurrentUser user, ProcessEngineException e) {
    return completedOrClaimedByOther(taskId, user)
        ? new ConflictException("Someone else has completed or claimed this task in the meantime.")
        : e;
  }

  /** Only the form's fields, each a plain value: the API cannot set the lifecycle's own variables. */
  private void checkAnswers(Task task, Map<String, Object> answers) {
    String deploymentId = repository.getProcessDefinition(task.getProcessDefinitionId()).getDeploymentId();
    List<String> keys = form(task, deploymentId)
        .map(form -> form.fields().stream().filter(field -> !field.readonly()).map(FormField::key).toList())
        .orElse(List.of());
    List<FieldError> errors = answers.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(answer -> !keys.contains(answer.getKey())
            ? new FieldError(answer.getKey(), "is not a field of this task's form")
            : isPlain(answer.getValue()) ? null
            : new FieldError(answer.getKey(), "must be text, a number, true or false, or a list of text"))
        .filter(Objects::nonNull)
        .toList();
    if (!errors.isEmpty()) {
      throw new TaskDataRejectedException(task.getId(), task.getName(), errors);
    }
  }

  private static boolean isPlain(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().allMatch(item -> item instanceof String);
    }
    return value == null || value instanceof String || value instanceof Number || value instanceof Boolean;
  }

  private boolean completedOrClaimedByOther(String taskId, CurrentUser user) {
    return system.call(() -> {
      Task open = tasks.createTaskQuery().taskId(taskId).singleResult();
      if (open != null) {
        return open.getAssignee() != null && !open.getAssignee().equals(user.id()) && user.canSee(open.getTenantId());
      }
      HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
      return done != null && user.canSee(done.getTenantId());
    });
  }

  private Optional<Task> visible(String taskId) {
    return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).singleResult());
  }

  private Optional<TaskForm> form(Task task, String deploymentId) {
    return forms.of(repository, deploymentId, formKey(task));
  }

  private String formKey(Task task) {
    UserTask model = repository.getBpmnModelInstance(task.getProcessDefinitionId())
        .getModelElementById(task.getTaskDefinitionKey());
    return model == null ? null : model.getCamundaFormRef();
  }

  private static NotFoundException notFound(String taskId) {
    return new NotFoundException("There is no open task " + taskId + " for you.");
  }

  private static ConflictException claimedByOther() {
    return new ConflictException("Someone else has claimed this task.");
  }
}
