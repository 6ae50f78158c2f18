package org.ncs.lifecycle;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

  /** The phases (call activities) the engagement's latest lifecycle has entered, with when it began. */
  private static final String PHASES = """
      select c.START_TIME_ as started, a.ACT_ID_ as activity, a.END_TIME_ as ended
        from ACT_HI_PROCINST c
        left join ACT_HI_ACTINST a on a.PROC_INST_ID_ = c.ID_ and a.ACT_TYPE_ = 'callActivity'
       where c.ID_ = (select l.ID_ from ACT_HI_PROCINST l where l.BUSINESS_KEY_ = :engagement
                      and l.PROC_DEF_KEY_ = :lifecycle order by l.START_TIME_ desc limit 1)
      """;

  /** The engagement's tasks begun since a moment, open or ended, in any of its processes. */
  private static final String TASKS = """
      select t.PROC_DEF_ID_ as definition, t.TASK_DEF_KEY_ as activity, t.DUE_DATE_ as due, t.END_TIME_ as ended,
             t.DELETE_REASON_ as reason
        from ACT_HI_TASKINST t
        join ACT_HI_PROCINST p on p.ID_ = t.PROC_INST_ID_
       where p.BUSINESS_KEY_ = :engagement and t.START_TIME_ >= :since
      """;

  /** The latest version of each phase model. */
  private static final String PHASE_MODELS = """
      select d.ID_ from ACT_RE_PROCDEF d
       where d.KEY_ in (:keys) and d.TENANT_ID_ is null
         and d.VERSION_ = (select max(v.VERSION_) from ACT_RE_PROCDEF v where v.KEY_ = d.KEY_ and v.TENANT_ID_ is null)
      """;

  private final NamedParameterJdbcTemplate jdbc;
  private final TaskModels models;

  LifecycleMeasures(NamedParameterJdbcTemplate jdbc, TaskModels models) {
    this.jdbc = jdbc;
    this.models = models;
  }

  /**
   * The engagement's current cycle measured; the caller must be allowed to see the engagement. Read straight from
   * the engine's history tables, in three statements: a scorecard shows these figures on every view.
   */
  public Measures of(String engagementId) {
    Set<String> done = new HashSet<>();
    Set<String> underWay = new HashSet<>();
    Timestamp[] started = new Timestamp[1];
    jdbc.query(PHASES, Map.of("engagement", engagementId, "lifecycle", Lifecycles.PROCESS_KEY), row -> {
      started[0] = row.getTimestamp("started");
      String activity = row.getString("activity");
      Optional<LifecyclePhase> phase = activity == null ? Optional.empty() : LifecyclePhase.ofCallActivity(activity);
      if (phase.isPresent()) {
        (row.getTimestamp("ended") == null ? underWay : done).add(phase.get().name());
      }
    });
    Set<String> steps = steps();
    if (started[0] == null) {
      return new Measures(List.of(), List.of(), 0, steps.size(), 0, 0, 0);
    }
    done.removeAll(underWay);
    Set<String> stepsDone = new HashSet<>();
    int[] due = new int[1];
    int[] onTime = new int[1];
    int[] overdue = new int[1];
    Date now = ClockUtil.getCurrentTime();
    jdbc.query(TASKS, Map.of("engagement", engagementId, "since", started[0]), row -> {
      TaskKind kind = models.of(row.getString("definition"), row.getString("activity")).map(TaskModels.TaskModel::kind)
          .filter(TaskKind::isGuideStep).orElse(null);
      if (kind == null) {
        return;
      }
      Timestamp dueDate = row.getTimestamp("due");
      Timestamp ended = row.getTimestamp("ended");
      if (ended == null) {
        overdue[0] += dueDate != null && dueDate.before(now) ? 1 : 0;
      } else if ("completed".equals(row.getString("reason"))) {
        stepsDone.add(kind.step());
        if (dueDate != null) {
          due[0]++;
          onTime[0] += ended.after(dueDate) ? 0 : 1;
        }
      }
    });
    stepsDone.retainAll(steps);
    return new Measures(done.stream().sorted().toList(), underWay.stream().sorted().toList(), stepsDone.size(),
        steps.size(), due[0], onTime[0], overdue[0]);
  }

  /** The guide steps the latest lifecycle models hold (their tasks that perform or review a step). */
  private Set<String> steps() {
    Set<String> steps = new HashSet<>();
    jdbc.queryForList(PHASE_MODELS, Map.of("keys", Arrays.stream(LifecyclePhase.values())
        .map(phase -> phase.processKey).toList()), String.class)
        .forEach(definition -> models.all(definition).stream().map(TaskModels.TaskModel::kind)
            .filter(TaskKind::isGuideStep).forEach(kind -> steps.add(kind.step())));
    return steps;
  }
}
