package org.ncs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Walks the lifecycle models in tests the way people would: it starts a phase with an engagement's plan,
 * completes tasks with answers that satisfy each task's form (overridden where a test decides), and fires the
 * timers a test names. Everything goes through the engine's public services, listeners included.
 */
public class LifecycleDriver {

  static final String COUNTRY = "MAR";
  static final String STRATEGY_END = "2031-12-31";

  private static final Map<String, TaskForm> FORMS = loadForms();

  private final ProcessEngine engine;

  public LifecycleDriver(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The plan variables a lifecycle passes to each phase, for a new engagement. */
  static Map<String, Object> plan() {
    Map<String, Object> plan = new HashMap<>();
    plan.put("engagementId", UUID.randomUUID().toString());
    plan.put("country", COUNTRY);
    plan.put("cycle", 1);
    plan.put("strategyEndDate", STRATEGY_END);
    plan.put("reportingCadence", "P3M");
    plan.put("monitoringCadence", "P6M");
    plan.put("gracePeriod", "P7D");
    plan.put("taskDurations", "{}");
    plan.put("partners", new ArrayList<>(List.of("ITU", "World Bank")));
    return plan;
  }

  /** Starts one phase model on its own, as the lifecycle's call activity would, with the plan variables. */
  ProcessInstance startPhase(String processKey) {
    return startPhase(processKey, Map.of());
  }

  public ProcessInstance startPhase(String processKey, Map<String, Object> extra) {
    Map<String, Object> variables = plan();
    variables.putAll(extra);
    ensureEngagement(variables.get("engagementId").toString());
    return engine.getRuntimeService().createProcessInstanceByKey(processKey)
        .processDefinitionWithoutTenantId()
        .businessKey(variables.get("engagementId").toString())
        .setVariables(variables)
        .execute();
  }

  /** The one open task with this key in the instance or in any phase it called. */
  Task task(ProcessInstance instance, String taskKey) {
    List<Task> tasks = tasks(instance, taskKey);
    assertThat(tasks).as("open tasks %s", taskKey).hasSize(1);
    return tasks.get(0);
  }

  List<Task> tasks(ProcessInstance instance, String taskKey) {
    return engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey(taskKey)
        .list();
  }

  /** Completes the task with answers its form accepts, decisions taken from {@code answers}. */
  void complete(ProcessInstance instance, String taskKey, Map<String, Object> answers) {
    complete(task(instance, taskKey), answers);
  }

  void complete(ProcessInstance instance, String taskKey) {
    complete(instance, taskKey, Map.of());
  }

  public void complete(Task task, Map<String, Object> answers) {
    Map<String, Object> variables = validAnswers(task);
    variables.putAll(answers);
    String engagementId = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
    ensureEngagement(engagementId);
    if (task.getTaskDefinitionKey().equals("Task_DraftStrategy")) {
      @SuppressWarnings("unchecked")
      List<String> groups = (List<String>) variables.get("consultationGroups");
      registerPeople(engagementId, groups);
    }
    if (task.getTaskDefinitionKey().equals("Task_DevelopActionPlan")) {
      planInitiative(engagementId, engine.getTaskService().getVariable(task.getId(), "cycle"));
    }
    if (task.getTaskDefinitionKey().equals("Task_ReportProgress")) {
      reportProgress(engagementId, engine.getTaskService().getVariable(task.getId(), "cycle"));
    }
    if (task.getTaskDefinitionKey().equals("Task_DispositionFeedback")) {
      dispositionAll(engine.getTaskService().getVariable(task.getId(), "consultationRound"));
    }
    Object assessment = engine.getTaskService().getVariableLocal(task.getId(), "assessment");
    if (assessment != null) {
      validate(assessment.toString());
    }
    engine.getTaskService().complete(task.getId(), variables);
  }

  /**
   * Marks the assessment a step opened (the landscape assessment, a monitoring round) validated, its state only (no
   * ratings, no frozen scores), so that a process test passes the step. The benchmark's tests rate and validate
   * for real.
   */
  void validate(String assessmentId) {
    jdbc().update("update assessment set state = 'VALIDATED', open_for = null, decided_by = 'driver', decided_at = ?"
        + " where id = ? and state <> 'VALIDATED'", Timestamp.from(Instant.now()), assessmentId);
  }

  /** An engagement the test started only in the engine gets its row, for what the steps record about it. */
  private void ensureEngagement(String engagementId) {
    JdbcTemplate jdbc = jdbc();
    if (jdbc.queryForObject("select count(*) from engagement where id = ?", Integer.class, engagementId) == 0) {
      jdbc.update("insert into engagement (id, country_code, title, status, cycle, strategy_end_date,"
          + " reporting_cadence, monitoring_cadence, grace_period, created_at, created_by, version)"
          + " values (?, ?, 'A lifecycle of the tests', 'CLOSED', 1, ?, 'P3M', 'P6M', 'P7D', ?, 'driver', 0)",
          engagementId, COUNTRY, LocalDate.parse(STRATEGY_END), Timestamp.from(Instant.now()));
    }
  }

  /**
   * Someone to answer for every group a draft is released to, as a lead authority would register them: an
   * organisation of the group with a person ({@code driver.<group>}).
   */
  void registerPeople(String engagementId, List<String> groups) {
    JdbcTemplate jdbc = jdbc();
    Instant now = Instant.now();
    for (String group : groups) {
      Integer people = jdbc.queryForObject("select count(*) from stakeholder s join stakeholder_person p"
          + " on p.stakeholder_id = s.id where s.engagement_id = ? and s.category = ?", Integer.class,
          engagementId, group);
      if (people == 0) {
        String stakeholder = UUID.randomUUID().toString();
        jdbc.update("insert into stakeholder (id, engagement_id, organisation, category, created_at, created_by)"
            + " values (?, ?, ?, ?, ?, 'driver')", stakeholder, engagementId, "An organisation of " + group, group,
            Timestamp.from(now));
        jdbc.update("insert into stakeholder_person (stakeholder_id, user_id) values (?, ?)", stakeholder,
            "driver." + group);
      }
    }
  }

  /**
   * The cycle's action plan gets an initiative if it has none, as the team would add one before compiling the
   * plan (the action plan's tests build plans through the API).
   */
  void planInitiative(String engagementId, Object cycle) {
    JdbcTemplate jdbc = jdbc();
    int of = cycle == null ? 1 : Integer.parseInt(cycle.toString());
    Timestamp now = Timestamp.from(Instant.now());
    List<String> plans = jdbc.queryForList("select id from action_plan where engagement_id = ? and cycle = ?",
        String.class, engagementId, of);
    String plan = plans.isEmpty() ? UUID.randomUUID().toString() : plans.get(0);
    if (plans.isEmpty()) {
      jdbc.update("insert into action_plan (id, engagement_id, tenant_id, cycle, numbered, created_by, created_at,"
          + " version) values (?, ?, ?, ?, 0, 'driver', ?, 0)", plan, engagementId, COUNTRY, of, now);
    }
    if (jdbc.queryForObject("select count(*) from initiative where plan_id = ?", Integer.class, plan) == 0) {
      jdbc.update("update action_plan set numbered = numbered + 1 where id = ?", plan);
      jdbc.update("insert into initiative (id, plan_id, number, title, focus_area, lead_agency, priority, status,"
          + " start_date, end_date, origin, created_by, created_at, updated_by, updated_at, version)"
          + " values (?, ?, (select numbered from action_plan where id = ?), 'Set up a national CERT', 'FA2',"
          + " 'Ministry of ICT', 'HIGH', 'PLANNED', ?, ?, 'NEW', 'driver', ?, 'driver', ?, 0)",
          UUID.randomUUID().toString(), plan, plan, today(), LocalDate.parse(STRATEGY_END), now, now);
    }
  }

  /**
   * A progress report sent now on the cycle's plan (its row only: no entries), as the team would send one before
   * completing the report's task (the action plan's tests report through the API).
   */
  void reportProgress(String engagementId, Object cycle) {
    planInitiative(engagementId, cycle);
    JdbcTemplate jdbc = jdbc();
    String plan = jdbc.queryForObject("select id from action_plan where engagement_id = ? and cycle = ?",
        String.class, engagementId, cycle == null ? 1 : Integer.parseInt(cycle.toString()));
    int sent = jdbc.queryForObject("select count(*) from progress_report where plan_id = ?", Integer.class, plan);
    jdbc.update("insert into progress_report (id, plan_id, period_end, submitted_by, submitted_at)"
        + " values (?, ?, ?, 'driver', ?)", UUID.randomUUID().toString(), plan, today().minusDays(sent),
        Timestamp.from(Instant.now()));
  }

  /** A progress report, as of yesterday, on the first cycle's plan that reports its one initiative late. */
  void reportLate(String engagementId) {
    planInitiative(engagementId, 1);
    JdbcTemplate jdbc = jdbc();
    String plan = jdbc.queryForObject("select id from action_plan where engagement_id = ? and cycle = 1",
        String.class, engagementId);
    String initiative = jdbc.queryForObject("select id from initiative where plan_id = ?", String.class, plan);
    String report = UUID.randomUUID().toString();
    jdbc.update("insert into progress_report (id, plan_id, period_end, submitted_by, submitted_at)"
        + " values (?, ?, ?, 'driver', ?)", report, plan, today().minusDays(1), Timestamp.from(Instant.now()));
    jdbc.update("insert into progress_entry (report_id, initiative_id, status, narrative)"
        + " values (?, ?, 'LATE', 'Six months late.')", report, initiative);
  }

  /**
   * Moves an engagement's lifecycle, still at initiation, straight to compiling its action plan, as if the phases
   * before had been done.
   */
  public void jumpToActionPlan(String engagementId) {
    jump(engagementId, "CallActivity_Implementation", "ncs-phase-4-implementation", "Task_PrioritiseInitiatives",
        "Task_DevelopActionPlan");
  }

  /** Moves an engagement's lifecycle, still at initiation, straight to a monitoring round of progress. */
  public void jumpToMonitoringRound(String engagementId) {
    jump(engagementId, "CallActivity_MonitoringEvaluation", "ncs-phase-5-monitoring-evaluation",
        "Task_EstablishMonitoring", "Task_MonitorProgress");
  }

  /** From initiation to a phase's call activity, then in the phase from its first task to the task wanted. */
  private void jump(String engagementId, String callActivity, String phase, String firstTask, String task) {
    ProcessInstance lifecycle = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(engagementId).processDefinitionKey("ncs-lifecycle").singleResult();
    engine.getRuntimeService().createProcessInstanceModification(lifecycle.getId())
        .cancelAllForActivity("CallActivity_Initiation")
        .startBeforeActivity(callActivity)
        .execute();
    ProcessInstance called = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(engagementId).processDefinitionKey(phase).singleResult();
    engine.getRuntimeService().createProcessInstanceModification(called.getId())
        .cancelAllForActivity(firstTask)
        .startBeforeActivity(task)
        .execute();
  }

  /** The drafting team notes every comment of the round that has no disposition yet. */
  void dispositionAll(Object round) {
    jdbc().update("update feedback_item set disposition = 'NOTED', disposition_reason = 'Noted.',"
        + " dispositioned_by = 'driver', dispositioned_at = ? where round_id = ? and disposition is null",
        Timestamp.from(Instant.now()), String.valueOf(round));
  }

  private JdbcTemplate jdbc() {
    return new JdbcTemplate(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDataSource());
  }

  /** A value for every visible field of the task's form that its rules accept; choices take the first option. */
  public Map<String, Object> validAnswers(Task task) {
    TaskForm form = formOf(task);
    Map<String, Object> answers = new HashMap<>();
    for (FormField field : form.fields()) {
      // a document is a link here: its choices come from the engagement's uploads
      if (!field.readonly() && field.hideWhen() == null && field.valuesKey() == null) {
        answers.put(field.key(), sample(field));
      }
    }
    return answers;
  }

  TaskForm formOf(Task task) {
    UserTask userTask = engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId())
        .getModelElementById(task.getTaskDefinitionKey());
    TaskForm form = FORMS.get(userTask.getCamundaFormRef());
    assertThat(form).as("form %s of %s", userTask.getCamundaFormRef(), task.getTaskDefinitionKey()).isNotNull();
    return form;
  }

  /** Executes the timer of this boundary or catch event in the instance (or a phase it called). */
  public void fireTimer(ProcessInstance instance, String timerId) {
    List<Job> jobs = timers(instance, timerId);
    assertThat(jobs).as("timer %s", timerId).isNotEmpty();
    engine.getManagementService().executeJob(jobs.get(0).getId());
  }

  List<Job> timers(ProcessInstance instance, String timerId) {
    return engine.getManagementService().createJobQuery()
        .timers()
        .activityId(timerId)
        .list().stream()
        .filter(job -> belongsTo(instance, job.getProcessInstanceId()))
        .toList();
  }

  private boolean belongsTo(ProcessInstance instance, String processInstanceId) {
    ProcessInstance job = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    return job != null && instance.getBusinessKey().equals(job.getBusinessKey());
  }

  /**
   * Moves an engagement's lifecycle straight to its renewal decision, as if both delivery phases had just ended,
   * with the decision taken ({@code evaluationDecision} renew or close, and for renew {@code nextCycleEntry}).
   */
  public void jumpToRenewalDecision(String engagementId, Map<String, Object> decision) {
    ProcessInstance lifecycle = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(engagementId).processDefinitionKey("ncs-lifecycle").singleResult();
    engine.getRuntimeService().setVariables(lifecycle.getId(), decision);
    engine.getRuntimeService().createProcessInstanceModification(lifecycle.getId())
        .cancelAllForActivity("CallActivity_Initiation")
        .startBeforeActivity("Gateway_Renewal")
        .execute();
  }

  /** Today in UTC: what the service accepts as today (it accepts any day that is today somewhere). */
  static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  /** A date some days ago, as forms send dates. */
  static String daysAgo(int days) {
    return today().minusDays(days).toString();
  }

  static Object sample(FormField field) {
    return switch (field.type()) {
      case "textfield" -> sampleText(field);
      case "textarea" -> "Sample " + field.key() + ", written in enough detail to satisfy the form's length rules.";
      case "number" -> field.min() == null || field.min().signum() <= 0 ? 1 : field.min().intValue();
      case "datetime" -> (field.notAfter().isEmpty() ? today().plusDays(400) : today()).toString();
      case "radio", "select" -> field.options().get(0);
      case "checklist", "taglist" -> field.options().subList(0, Math.min(2, field.options().size()));
      case "checkbox" -> true;
      default -> throw new IllegalArgumentException("no sample for " + field.type());
    };
  }

  private static String sampleText(FormField field) {
    String pattern = field.pattern() == null ? "" : field.pattern();
    if (pattern.contains("https?")) {
      return "https://documents.example.org/ncs/" + field.key();
    }
    if (pattern.contains("[A-Z]{3}")) {
      return "USD";
    }
    if (pattern.contains("Q[1-4]")) {
      return "2027-Q1";
    }
    if (!pattern.isEmpty()) {
      return "1.0";
    }
    return "Sample " + field.key();
  }

  private static Map<String, TaskForm> loadForms() {
    ObjectMapper json = new ObjectMapper();
    Map<String, TaskForm> forms = new HashMap<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        TaskForm form = TaskForm.parse(Files.readString(file), json);
        forms.put(form.id(), form);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return forms;
  }
}
