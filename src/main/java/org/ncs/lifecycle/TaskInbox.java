package org.ncs.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.ncs.audit.AuditTrail;
import org.ncs.lifecycle.TaskModels.TaskModel;
import org.ncs.security.CurrentUser;
import org.ncs.security.SystemAccess;
import org.ncs.web.ConflictException;
import org.ncs.web.Failures;
import org.ncs.web.FieldError;
import org.ncs.web.Messages;
import org.ncs.web.NotFoundException;
import org.ncs.web.ResultPage;
import org.ncs.web.RetryOnConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * A person's lifecycle tasks: the ones assigned to them and the ones waiting for their groups, in their
 * countries. Every query runs with the caller's engine authentication, so the engine's tenant and authorization
 * checks decide what exists for them; anything else is not found.
 *
 * <p>Colleagues work on the same lifecycle at the same time: a task may end between two reads (it then drops
 * out of a list, and its detail says who completed it), and a write that meets a concurrent one is run again
 * ({@link RetryOnConflict}) or answered with a conflict that says what happened.
 */
@Service
public class TaskInbox {

  /** The suffix of a task-local variable by which a step proposes the answer of one of its form's choices. */
  public static final String PROPOSED = "Proposed";

  private final TaskService tasks;
  private final HistoryService history;
  private final RepositoryService repository;
  private final ProcessEngineConfigurationImpl engine;
  private final TaskViews views;
  private final TaskModels models;
  private final TaskForms forms;
  private final TaskContexts contexts;
  private final FormViews formViews;
  private final AuditTrail audit;
  private final SystemAccess system;
  private final TransactionTemplate transaction;
  private final Choices choices;

  TaskInbox(ProcessEngine engine, TaskViews views, TaskModels models, TaskForms forms, TaskContexts contexts,
      FormViews formViews, AuditTrail audit, SystemAccess system, TransactionTemplate transaction, Choices choices) {
    this.choices = choices;
    this.tasks = engine.getTaskService();
    this.history = engine.getHistoryService();
    this.repository = engine.getRepositoryService();
    this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.views = views;
    this.models = models;
    this.forms = forms;
    this.contexts = contexts;
    this.formViews = formViews;
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
  @Transactional(readOnly = true)
  public ResultPage<OpenTask> list(CurrentUser user, String engagementId, String phase, Instant dueBefore,
      boolean overdue, int page, int size) {
    TaskQuery query = tasks.createTaskQuery();
    List<String> groups = new ArrayList<>(user.groups());
    // a stakeholder group's feedback task names its people rather than a role
    if (groups.isEmpty()) {
      query.or().taskAssignee(user.id()).taskCandidateUser(user.id()).endOr();
    } else {
      query.or().taskAssignee(user.id()).taskCandidateUser(user.id()).taskCandidateGroupIn(groups).endOr();
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

  /**
   * A task the caller may see, with the fields its form asks for and what came before it. Not one transaction:
   * if a read fails because the task was completed meanwhile, the check that says so must not share its fate.
   */
  public TaskDetail get(String taskId, CurrentUser user) {
    try {
      Task task = visible(taskId).orElseThrow(() -> new TaskNotOpenException(taskId));
      OpenTask view = views.of(task).orElseThrow(() -> new TaskNotOpenException(taskId));
      Optional<TaskModel> model = models.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
      List<FormField> fields = model.flatMap(this::form).map(TaskForm::fields).orElse(List.of());
      return new TaskDetail(view, model.map(TaskModel::formKey).orElse(null), fields,
          contexts.of(task, fields).orElse(null));
    } catch (TaskNotOpenException e) {
      throw notOpen(taskId, user, false);
    } catch (RuntimeException e) {
      // completed by someone else while we were reading: the engine trips over what is gone
      if (!Failures.isDatabaseUnavailable(e) && visible(taskId).isEmpty()) {
        throw notOpen(taskId, user, false);
      }
      throw e;
    }
  }

  /**
   * The task's form as the caller sees it, in their language: its texts with what they show, and in each input its
   * earlier answer, or, after a refusal, what was just sent. A decision is asked afresh, unless the step proposes
   * one: a task-local {@code <key>Proposed} variable (a monitoring round proposes the slippage its report shows).
   *
   * @param sent the answers just sent, or null
   */
  public Optional<FormView> form(String taskId, CurrentUser user, Map<String, ?> sent) {
    Task task = visible(taskId).orElseThrow(() -> notOpen(taskId, user, false));
    Optional<TaskForm> form = models.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey())
        .flatMap(this::form);
    if (form.isEmpty()) {
      return Optional.empty();
    }
    Set<String> names = new LinkedHashSet<>(FormViews.textVariables(form.get()));
    form.get().fields().forEach(field -> names.add(field.key()));
    Map<String, Object> variables = system.call(() -> tasks.getVariables(taskId, names));
    List<String> proposals = form.get().fields().stream().filter(FormField::isChoice)
        .map(field -> field.key() + PROPOSED).toList();
    Map<String, Object> proposed = proposals.isEmpty() ? Map.of()
        : system.call(() -> tasks.getVariablesLocal(taskId, proposals));
    Map<String, Object> values = new HashMap<>();
    for (FormField field : form.get().fields()) {
      Object value = field.readonly() || sent == null ? variables.get(field.key()) : sent.get(field.key());
      if (value != null && (sent != null || field.readonly() || !field.isChoice())) {
        values.put(field.key(), value);
      } else if (sent == null && proposed.get(field.key() + PROPOSED) != null) {
        values.put(field.key(), proposed.get(field.key() + PROPOSED));
      }
    }
    String engagementId = engagementOf(task);
    return Optional.of(formViews.of(form.get(), variables, values, choices.of(engagementId)));
  }

  /** The task, if the caller may see it. */
  public Optional<OpenTask> find(String taskId) {
    return visible(taskId).flatMap(views::of);
  }

  @RetryOnConflict
  public void claim(String taskId, CurrentUser user) {
    atomically(taskId, user, () -> {
      Task task = visible(taskId).orElseThrow(() -> new TaskNotOpenException(taskId));
      if (user.id().equals(task.getAssignee())) {
        return;
      }
      if (task.getAssignee() != null) {
        throw claimedBy(task.getAssignee());
      }
      tasks.claim(taskId, user.id());
      audit.record(user.id(), task.getTenantId(), engagementOf(task), "TASK_CLAIMED", taskId,
          Map.of("task", task.getName(), "activity", task.getTaskDefinitionKey()));
    });
  }

  @RetryOnConflict
  public void unclaim(String taskId, CurrentUser user) {
    atomically(taskId, user, () -> {
      Task task = visible(taskId).orElseThrow(() -> new TaskNotOpenException(taskId));
      if (task.getAssignee() == null) {
        return;
      }
      if (!task.getAssignee().equals(user.id()) && !user.isAdmin()) {
        throw claimedBy(task.getAssignee());
      }
      tasks.setAssignee(taskId, null);
      audit.record(user.id(), task.getTenantId(), engagementOf(task), "TASK_UNCLAIMED", taskId,
          Map.of("task", task.getName(), "activity", task.getTaskDefinitionKey(), "before", task.getAssignee()));
    });
  }

  /**
   * Claims the task for the caller if nobody has, and completes it with the answers to its form, in one engine
   * command. Answers that break the form's rules are rejected field by field and change nothing; a task someone
   * else claimed or completed first is a conflict.
   */
  @RetryOnConflict
  public void complete(String taskId, Map<String, Object> answers, CurrentUser user) {
    atomically(taskId, user, () -> engine.getCommandExecutorTxRequired().execute(
        new CompleteAsUser(taskId, user.id(), answers, task -> {
          checkAnswers(task, answers);
          if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
            throw claimedBy(task.getAssignee());
          }
        })));
  }

  /**
   * Runs a write on a task in one transaction. When it fails because the task is no longer open (someone else
   * completed it a moment earlier, whatever the engine or the database tripped over on the way: a vanished
   * variable, a duplicate outcome), the caller learns that, not a server error; the check runs after the
   * rollback, in a transaction of its own.
   */
  private void atomically(String taskId, CurrentUser user, Runnable write) {
    try {
      transaction.executeWithoutResult(status -> write.run());
    } catch (TaskNotOpenException e) {
      throw notOpen(taskId, user, true);
    } catch (ErrorResponseException | TaskDataRejectedException | AuthorizationException e) {
      throw e;
    } catch (TaskAlreadyClaimedException e) {
      throw claimedBy(e.getTaskAssignee()); // a colleague's claim committed between our read and our claim
    } catch (RuntimeException e) {
      if (Failures.isConflict(e) || Failures.isDatabaseUnavailable(e) || visible(taskId).isPresent()) {
        throw e;
      }
      throw notOpen(taskId, user, true);
    }
  }

  /** Only the form's fields, each a plain value: the API cannot set the lifecycle's own variables. */
  private void checkAnswers(Task task, Map<String, Object> answers) {
    List<FormField> fields = models.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey())
        .flatMap(this::form).map(TaskForm::fields).orElse(List.of());
    List<FieldError> errors = answers.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(answer -> {
          FormField field = fields.stream().filter(f -> f.key().equals(answer.getKey())).findFirst().orElse(null);
          if (field == null) {
            return new FieldError(answer.getKey(), Messages.get("validation.notAField"));
          }
          if (field.readonly()) {
            return new FieldError(answer.getKey(), Messages.get("validation.readOnly"));
          }
          return isPlain(answer.getValue()) ? null
              : new FieldError(answer.getKey(), Messages.get("validation.plainValue"));
        })
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

  /**
   * Why a task is not open for the caller. One they could see in their countries has ended: for a write that is
   * a conflict, for a read a 404 that says how it ended. Anything else does not exist for them.
   */
  private RuntimeException notOpen(String taskId, CurrentUser user, boolean write) {
    HistoricTaskInstance ended = system.call(() -> history.createHistoricTaskInstanceQuery().taskId(taskId)
        .singleResult());
    if (ended == null || ended.getEndTime() == null || !user.canSee(ended.getTenantId())) {
      return new NotFoundException(Messages.get("task.notOpen", taskId));
    }
    Instant when = ended.getEndTime().toInstant();
    String detail = !"completed".equals(ended.getDeleteReason()) ? Messages.get("task.closed", ended.getName(), when)
        : ended.getAssignee() == null ? Messages.get("task.completed", ended.getName(), when)
        : Messages.get("task.completedBy", ended.getName(), ended.getAssignee(), when);
    return write ? new ConflictException(detail + " " + Messages.get("task.nothingLeft"))
        : NotFoundException.ended(detail);
  }

  private Optional<Task> visible(String taskId) {
    return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).singleResult());
  }

  private Optional<TaskForm> form(TaskModel model) {
    return system.call(() -> forms.of(repository, model.deploymentId(), model.formKey()));
  }

  private String engagementOf(Task task) {
    return views.of(task).map(OpenTask::engagementId).orElse(null);
  }

  private static ConflictException claimedBy(String assignee) {
    return new ConflictException(Messages.get("task.claimedBy", assignee));
  }
}
