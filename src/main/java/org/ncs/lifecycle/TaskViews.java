package org.ncs.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ncs.lifecycle.TaskModels.TaskModel;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns engine tasks into {@link OpenTask}s: the engagement from the instance's business key, the candidate
 * groups from the task's identity links, and phase, step and kind from the task's model.
 *
 * <p>The tasks come from an engine query, which applied the caller's authorizations and countries; what else a
 * page needs is read for all its tasks in one statement, and the models' facts come from memory. A task completed
 * by someone else in the meantime has no row any more and drops out of the page.
 */
@Component
class TaskViews {

  /** Business key and candidates of several tasks at once, from the tables the engine keeps them in. */
  private static final String KEYS_AND_CANDIDATES = """
      select t.ID_ as task_id, e.BUSINESS_KEY_ as business_key, l.GROUP_ID_ as group_id, l.USER_ID_ as user_id
        from ACT_RU_TASK t
        join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
        left join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate'
       where t.ID_ in (:ids)
      """;

  private final TaskModels models;
  private final NamedParameterJdbcTemplate jdbc;

  TaskViews(TaskModels models, NamedParameterJdbcTemplate jdbc) {
    this.models = models;
    this.jdbc = jdbc;
  }

  /** The tasks that are still open, in the order given. */
  List<OpenTask> of(List<Task> page) {
    if (page.isEmpty()) {
      return List.of();
    }
    Map<String, String> engagements = new HashMap<>();
    Map<String, List<String>> groups = new HashMap<>();
    Map<String, List<String>> people = new HashMap<>();
    jdbc.query(KEYS_AND_CANDIDATES, Map.of("ids", page.stream().map(Task::getId).toList()), row -> {
      String taskId = row.getString("task_id");
      engagements.put(taskId, row.getString("business_key"));
      List<String> taskGroups = groups.computeIfAbsent(taskId, id -> new ArrayList<>());
      List<String> taskPeople = people.computeIfAbsent(taskId, id -> new ArrayList<>());
      if (row.getString("group_id") != null) {
        taskGroups.add(row.getString("group_id"));
      }
      if (row.getString("user_id") != null) {
        taskPeople.add(row.getString("user_id"));
      }
    });
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return page.stream()
        .filter(task -> engagements.containsKey(task.getId()))
        .map(task -> of(task, engagements.get(task.getId()), groups.get(task.getId()).stream().sorted().toList(),
            people.get(task.getId()).stream().sorted().toList(), now))
        .toList();
  }

  Optional<OpenTask> of(Task task) {
    return of(List.of(task)).stream().findFirst();
  }

  private OpenTask of(Task task, String engagementId, List<String> groups, List<String> people, Instant now) {
    Optional<TaskModel> model = models.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    TaskKind kind = model.map(TaskModel::kind).orElse(new TaskKind(null, TaskKind.PERFORM));
    Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
    return new OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), engagementId, task.getTenantId(),
        model.map(TaskModel::phase).orElse(null), kind.step(), kind.kind(), groups, people,
        task.getAssignee(),
        task.getCreateTime().toInstant(), due, due != null && due.isBefore(now));
  }
}
