package org.ncs.lifecycle;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.ncs.security.SystemAccess;
import org.springframework.stereotype.Service;

/**
 * How far an engagement's current strategy cycle has come, measured from the engine's history rather than typed
 * into a form: the phases done and under way, the guide steps done out of those the models hold, the share of
 * tasks completed by their due date, and the tasks overdue now. Follow-ups and escalations are the engine's
 * reminders, not steps: they count in none of it.
 */
@Service
public class LifecycleMeasures {

  /**
   * @param phasesDone the phases of this cycle that have ended (P1 to P5)
   * @param phasesUnderWay the phases running now
   * @param stepsDone the guide steps with a task completed in this cycle
   * @param steps the guide steps the lifecycle models hold
   * @param tasksDue the tasks completed in this cycle that had a due date
   * @param tasksOnTime those of them completed by their due date (an open task counts once it is completed)
   * @param overdueTasks the open tasks past their due date now
   */
  public record Measures(List<String> phasesDone, List<String> phasesUnderWay, int stepsDone, int steps,
      int tasksDue, int tasksOnTime, int overdueTasks) {

    /** The share of tasks done on time, in percent rounded down; null when none had a due date. */
    @JsonProperty
    public Integer onTimePercent() {
      return tasksDue == 0 ? null : tasksOnTime * 100 / tasksDue;
    }
  }

  private final HistoryService history;
  private final RepositoryService repository;
  private final SystemAccess system;
  private final Map<String, Map<String, TaskKind>> kindsByDefinition = new ConcurrentHashMap<>();

  LifecycleMeasures(HistoryService history, RepositoryService repository, SystemAccess system) {
    this.history = history;
    this.repository = repository;
    this.system = system;
  }

  /** The engagement's current cycle measured; the caller must be allowed to see the engagement. */
  public Measures of(String engagementId) {
    return system.call(() -> {
      List<HistoricProcessInstance> lifecycles = history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(Lifecycles.PROCESS_KEY).processInstanceBusinessKey(engagementId)
          .orderByProcessInstanceStartTime().desc().listPage(0, 1);
      if (lifecycles.isEmpty()) {
        return new Measures(List.of(), List.of(), 0, steps().size(), 0, 0, 0);
      }
      HistoricProcessInstance cycle = lifecycles.get(0);
      Set<String> done = new HashSet<>();
      Set<String> underWay = new HashSet<>();
      for (HistoricActivityInstance phase : history.createHistoricActivityInstanceQuery()
          .processInstanceId(cycle.getId()).activityType("callActivity").list()) {
        Optional<LifecyclePhase> which = LifecyclePhase.ofCallActivity(phase.getActivityId());
        if (which.isPresent()) {
          (phase.getEndTime() == null ? underWay : done).add(which.get().name());
        }
      }
      done.removeAll(underWay);
      Set<String> stepsDone = new HashSet<>();
      int due = 0;
      int onTime = 0;
      int overdue = 0;
      Date now = ClockUtil.getCurrentTime();
      for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
          .processInstanceBusinessKey(engagementId).startedAfter(before(cycle.getStartTime())).list()) {
        TaskKind kind = kind(task);
        if (kind == null || kind.step() == null || TaskKind.FOLLOW_UP.equals(kind.kind()) || kind.isEscalation()) {
          continue;
        }
        if (task.getEndTime() == null) {
          overdue += task.getDueDate() != null && task.getDueDate().before(now) ? 1 : 0;
        } else if ("completed".equals(task.getDeleteReason())) {
          stepsDone.add(kind.step());
          if (task.getDueDate() != null) {
            due++;
            onTime += task.getEndTime().after(task.getDueDate()) ? 0 : 1;
          }
        }
      }
      Set<String> steps = steps();
      stepsDone.retainAll(steps);
      return new Measures(done.stream().sorted().toList(), underWay.stream().sorted().toList(), stepsDone.size(),
          steps.size(), due, onTime, overdue);
    });
  }

  /** The guide steps the latest lifecycle models hold (their tasks that perform or review a step). */
  private Set<String> steps() {
    Set<String> steps = new HashSet<>();
    repository.createProcessDefinitionQuery()
        .processDefinitionKeysIn(Arrays.stream(LifecyclePhase.values()).map(phase -> phase.processKey)
            .toArray(String[]::new))
        .withoutTenantId().latestVersion().list()
        .forEach(definition -> kinds(definition.getId()).values().stream()
            .filter(kind -> kind.step() != null && !TaskKind.FOLLOW_UP.equals(kind.kind()) && !kind.isEscalation())
            .forEach(kind -> steps.add(kind.step())));
    return steps;
  }

  private TaskKind kind(HistoricTaskInstance task) {
    return task.getProcessDefinitionId() == null ? null
        : kinds(task.getProcessDefinitionId()).get(task.getTaskDefinitionKey());
  }

  /** The kind of every user task of a model, read once per deployed version. */
  private Map<String, TaskKind> kinds(String processDefinitionId) {
    return kindsByDefinition.computeIfAbsent(processDefinitionId, id -> {
      Map<String, TaskKind> kinds = new ConcurrentHashMap<>();
      repository.getBpmnModelInstance(id).getModelElementsByType(UserTask.class)
          .forEach(task -> kinds.put(task.getId(), TaskKind.of(task)));
      return kinds;
    });
  }

  /** A moment just before the cycle began: the query's bound is exclusive. */
  private static Date before(Date start) {
    return Date.from(Instant.ofEpochMilli(start.getTime() - 1));
  }
}
