package org.ncs.lifecycle;

import static org.ncs.lifecycle.LifecycleVariables.COUNTRY;
import static org.ncs.lifecycle.LifecycleVariables.CYCLE;
import static org.ncs.lifecycle.LifecycleVariables.ENGAGEMENT_ID;
import static org.ncs.lifecycle.LifecycleVariables.ENTRY_PHASE;
import static org.ncs.lifecycle.LifecycleVariables.GRACE_PERIOD;
import static org.ncs.lifecycle.LifecycleVariables.MONITORING_CADENCE;
import static org.ncs.lifecycle.LifecycleVariables.PARTNERS;
import static org.ncs.lifecycle.LifecycleVariables.REPORTING_CADENCE;
import static org.ncs.lifecycle.LifecycleVariables.STRATEGY_END_DATE;
import static org.ncs.lifecycle.LifecycleVariables.TASK_DURATIONS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.ncs.security.SystemAccess;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts and steers the strategy lifecycle of an engagement: one instance of {@code ncs-lifecycle} per
 * engagement, in the country's tenant, with the engagement id as business key.
 */
@Service
public class Lifecycles {

  public static final String PROCESS_KEY = "ncs-lifecycle";
  static final String STRATEGY_ADOPTED = "StrategyAdopted";
  static final String STRATEGY_PERIOD_ENDED = "StrategyPeriodEnded";

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final TaskService tasks;
  private final TaskViews views;
  private final TaskModels models;
  private final SystemAccess system;
  private final ObjectMapper json;
  private final NamedParameterJdbcTemplate jdbc;
  private final Map<String, String> translatedModels = new ConcurrentHashMap<>();

  Lifecycles(RuntimeService runtime, RepositoryService repository, TaskService tasks, TaskViews views,
      TaskModels models, SystemAccess system, ObjectMapper json, NamedParameterJdbcTemplate jdbc) {
    this.models = models;
    this.runtime = runtime;
    this.repository = repository;
    this.tasks = tasks;
    this.views = views;
    this.system = system;
    this.json = json;
    this.jdbc = jdbc;
  }

  /**
   * Starts the first cycle at initiation.
   *
   * @param country ISO 3166-1 alpha-3 code, which becomes the tenant of every instance of this lifecycle
   * @param partners the organisations supporting the engagement: steps such as the World Bank's review of the
   *     action plan happen only with their partner
   * @return the id of the lifecycle's process instance
   */
  @Transactional
  public String start(String engagementId, String country, LifecyclePlan plan, List<String> partners) {
    VariableMap variables = Variables.createVariables()
        .putValue(ENGAGEMENT_ID, engagementId)
        .putValue(COUNTRY, country)
        .putValue(CYCLE, 1)
        .putValue(ENTRY_PHASE, "initiation")
        .putValue(STRATEGY_END_DATE, plan.strategyEndDate().toString())
        .putValue(REPORTING_CADENCE, plan.reportingCadence().toString())
        .putValue(MONITORING_CADENCE, plan.monitoringCadence().toString())
        .putValue(GRACE_PERIOD, plan.gracePeriod().toString())
        .putValue(TASK_DURATIONS, taskDurations(plan))
        .putValue(PARTNERS, partners(partners));
    return system.call(() -> runtime.createProcessInstanceByKey(PROCESS_KEY)
        .processDefinitionWithoutTenantId()
        .businessKey(engagementId)
        .setVariables(variables)
        .execute()
        .getId());
  }

  /**
   * The engagement's partners changed: every running instance of its lifecycle (the lifecycle and the phases
   * under way) sees the new list, in the caller's transaction.
   */
  @Transactional
  public void partnersChanged(String engagementId, List<String> partners) {
    system.run(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(engagementId).list()
        .forEach(instance -> runtime.setVariable(instance.getId(), PARTNERS, partners(partners))));
  }

  /** Where the engagement's lifecycle stands, with every open task whoever it is for. */
  public LifecycleStatus status(String engagementId) {
    return system.call(() -> {
      ProcessInstance lifecycle = runtime.createProcessInstanceQuery()
          .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(engagementId).singleResult();
      if (lifecycle == null) {
        return new LifecycleStatus(List.of(), 0, List.of());
      }
      List<String> phases = runtime.getActiveActivityIds(lifecycle.getId()).stream()
          .map(LifecyclePhase::ofCallActivity).flatMap(Optional::stream).map(Enum::name).distinct().sorted().toList();
      Object cycle = runtime.getVariable(lifecycle.getId(), CYCLE);
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(engagementId)
          .orderByDueDate().asc().orderByTaskCreateTime().asc().list();
      return new LifecycleStatus(phases, cycle instanceof Number n ? n.intValue() : 0, views.of(open));
    });
  }

  /**
   * Where several engagements' lifecycles stand, in two statements whatever their number: the phases under way and
   * their open tasks (read straight from the engine's tables: a portfolio needs their count, due dates and steps,
   * not the tasks themselves). The caller must be allowed to see them all.
   */
  public Map<String, LifecycleSummary> summaries(Collection<String> engagementIds) {
    if (engagementIds.isEmpty()) {
      return Map.of();
    }
    // the keys as one array joined as a table, not a list of hundreds: each plan is made once and reused, and a
    // key is looked up by index rather than compared with every key of the list
    Map<String, Object> keys = Map.of("keys", engagementIds.toArray(String[]::new));
    Map<String, List<String>> phases = new HashMap<>();
    jdbc.query(RUNNING_INSTANCES, keys, (RowCallbackHandler) row -> {
      String engagement = row.getString("business_key");
      LifecyclePhase.ofProcess(row.getString("process_key"))
          .ifPresent(phase -> phases.computeIfAbsent(engagement, key -> new ArrayList<>()).add(phase.name()));
    });
    Map<String, Integer> open = new HashMap<>();
    Map<String, Long> overdue = new HashMap<>();
    Map<String, Set<String>> steps = new HashMap<>();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    jdbc.query(OPEN_TASKS, keys, row -> {
      String engagement = row.getString("business_key");
      open.merge(engagement, 1, Integer::sum);
      Timestamp due = row.getTimestamp("due");
      if (due != null && due.toInstant().isBefore(now)) {
        overdue.merge(engagement, 1L, Long::sum);
      }
      models.of(row.getString("definition"), row.getString("activity")).map(TaskModels.TaskModel::kind)
          .filter(TaskKind::isGuideStep)
          .ifPresent(kind -> steps.computeIfAbsent(engagement, key -> new LinkedHashSet<>()).add(kind.step()));
    });
    Map<String, LifecycleSummary> summaries = new HashMap<>();
    for (String engagement : engagementIds) {
      summaries.put(engagement, new LifecycleSummary(
          phases.getOrDefault(engagement, List.of()).stream().sorted().toList(), open.getOrDefault(engagement, 0),
          overdue.getOrDefault(engagement, 0L), List.copyOf(steps.getOrDefault(engagement, Set.of()))));
    }
    return summaries;
  }

  /**
   * A phase under way, for its diagram: its process definition and the elements active in it (the tasks waiting,
   * or the events and gateways it waits at).
   */
  public record Diagram(String phase, String processDefinitionId, List<String> activeElements) {
  }

  /** The diagrams of the phases under way in the engagement's lifecycle, in the phases' order. */
  public List<Diagram> diagrams(String engagementId) {
    return system.call(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(engagementId).list()
        .stream()
        .flatMap(instance -> LifecyclePhase.ofProcess(
                repository.getProcessDefinition(instance.getProcessDefinitionId()).getKey())
            .map(phase -> new Diagram(phase.name(), instance.getProcessDefinitionId(),
                runtime.getActiveActivityIds(instance.getId())))
            .stream())
        .sorted(Comparator.comparing(Diagram::phase))
        .toList());
  }

  /**
   * A phase's process model as BPMN XML for the read-only diagram, its elements named in the reader's language.
   * Models never change once deployed: each is translated once per language.
   */
  public Optional<String> diagram(String engagementId, String phase) {
    Locale language = LocaleContextHolder.getLocale();
    return diagrams(engagementId).stream().filter(diagram -> diagram.phase().equals(phase)).findFirst()
        .map(diagram -> translatedModels.computeIfAbsent(diagram.processDefinitionId() + "/" + language.getLanguage(),
            key -> system.call(() -> {
              BpmnModelInstance model = Bpmn.readModelFromStream(
                  repository.getProcessModel(diagram.processDefinitionId()));
              for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
                String name = TaskNames.inDiagram(element.getId(), element.getName());
                if (name != null) {
                  element.setName(name);
                }
              }
              return Bpmn.convertToString(model);
            })));
  }

  /** The open tasks of engagements, earliest due first (those without a due date last), then oldest first. */
  private static final String OPEN_TASKS = """
      select e.BUSINESS_KEY_ as business_key, t.PROC_DEF_ID_ as definition, t.TASK_DEF_KEY_ as activity,
             t.DUE_DATE_ as due
        from unnest(:keys) k(id)
        join ACT_RU_EXECUTION e on e.BUSINESS_KEY_ = k.id
        join ACT_RU_TASK t on t.PROC_INST_ID_ = e.ID_
       order by case when t.DUE_DATE_ is null then 1 else 0 end, t.DUE_DATE_, t.CREATE_TIME_
      """;

  /** The process instances (lifecycle and phases) running for some engagements. */
  private static final String RUNNING_INSTANCES = """
      select e.BUSINESS_KEY_ as business_key, d.KEY_ as process_key
        from unnest(:keys) k(id)
        join ACT_RU_EXECUTION e on e.BUSINESS_KEY_ = k.id and e.ID_ = e.PROC_INST_ID_
        join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_
      """;

  /**
   * The strategy was adopted outside the system (a cabinet decision, say) while it awaited formal approval:
   * the approval task is closed and publication follows.
   *
   * @param strategyEndDate the last day of the adopted strategy's period
   * @param reportedBy who reports the adoption
   * @throws org.camunda.bpm.engine.MismatchingMessageCorrelationException if the engagement's strategy is not
   *     awaiting approval
   */
  @Transactional
  public void recordExternalAdoption(String engagementId, String reference, LocalDate adoptionDate,
      LocalDate strategyEndDate, String reportedBy) {
    system.run(() -> runtime.createMessageCorrelation(STRATEGY_ADOPTED)
        .processInstanceBusinessKey(engagementId)
        // who reported it, for the record: the correlation itself runs on the service's behalf
        .setVariable(StrategyAdoptedListener.ADOPTED_BY, Variables.stringValue(reportedBy, true))
        .setVariable("adoptionReference", reference)
        .setVariable("adoptionDate", adoptionDate.toString())
        .setVariable(STRATEGY_END_DATE, strategyEndDate.toString())
        .correlateWithResult());
  }

  /**
   * The strategy period is over before its planned end: implementation and monitoring stop and the outcome is
   * evaluated.
   *
   * @return how many phases were waiting for the end (implementation and monitoring: 2), 0 if none were
   */
  @Transactional
  public int endStrategyPeriod(String engagementId) {
    return system.call(() -> runtime.createMessageCorrelation(STRATEGY_PERIOD_ENDED)
        .processInstanceBusinessKey(engagementId)
        .correlateAllWithResult()
        .size());
  }

  /** The ids of the tasks an engagement's plan can give its own time, the phases' user tasks. */
  public Set<String> plannableTasks() {
    return system.call(() -> Arrays.stream(LifecyclePhase.values())
        .map(phase -> repository.createProcessDefinitionQuery().processDefinitionKey(phase.processKey)
            .withoutTenantId().latestVersion().singleResult())
        .filter(Objects::nonNull)
        .flatMap(definition -> repository.getBpmnModelInstance(definition.getId())
            .getModelElementsByType(UserTask.class).stream())
        .map(UserTask::getId)
        .collect(Collectors.toCollection(TreeSet::new)));
  }

  /** A list the models can ask with {@code partners.contains('World Bank')}, stored as JSON. */
  private static ObjectValue partners(List<String> partners) {
    return Variables.objectValue(new ArrayList<>(partners)).serializationDataFormat(SerializationDataFormats.JSON)
        .create();
  }

  private String taskDurations(LifecyclePlan plan) {
    try {
      return json.writeValueAsString(plan.taskDurationTexts());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
