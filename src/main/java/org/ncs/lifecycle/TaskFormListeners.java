package org.ncs.lifecycle;

import static org.ncs.lifecycle.LifecycleVariables.ENGAGEMENT_ID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.ncs.audit.AuditTrail;
import org.ncs.lifecycle.FormView.Option;
import org.ncs.notification.NotificationKind;
import org.ncs.notification.NotificationRequest;
import org.ncs.notification.Notifications;
import org.ncs.web.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What happens around every user task, whatever model it is in (added by {@link LifecycleEnginePlugin}):
 *
 * <ul>
 *   <li>on create, choices of the form (approve or return, accept or ask for more) are cleared, so a task that
 *       comes round again in a loop never inherits the last round's decision; and those it waits for are notified
 *       (the outbox): that it waits for them, that it has come back, or, for an escalation, the ITU officers;</li>
 *   <li>on complete, the variables must satisfy the task's form, as the form viewer would insist, or the
 *       completion is rejected and nothing changes; then the form's fields are recorded as the task's outcome in
 *       the same transaction.</li>
 * </ul>
 */
@Component
class TaskFormListeners {

  private static final Logger log = LoggerFactory.getLogger(TaskFormListeners.class);
  /** A form's field for a document of the engagement is named {@code <name>Document}; where to read it, {@code <name>Link}. */
  static final String DOCUMENT = "Document";
  static final String LINK = "Link";

  private final TaskForms forms;
  private final TaskOutcomeRepository outcomes;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final ObjectMapper json;
  private final Choices choices;
  private final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();

  TaskFormListeners(TaskForms forms, TaskOutcomeRepository outcomes, Notifications notifications, AuditTrail audit,
      ObjectMapper json, Choices choices) {
    this.choices = choices;
    this.forms = forms;
    this.outcomes = outcomes;
    this.notifications = notifications;
    this.audit = audit;
    this.json = json;
  }

  TaskListener onCreate() {
    return this::created;
  }

  TaskListener onComplete() {
    return this::completed;
  }

  private void created(DelegateTask task) {
    forms.of(task).ifPresent(form -> form.fields().stream()
        .filter(FormField::isChoice)
        .forEach(field -> task.removeVariable(field.key())));
    // who must hear of it: an escalation's ITU officers; otherwise the task's role, or the people it names, told
    // whether it is new or has come back
    NotificationKind kind = TaskKind.of(task.getBpmnModelElementInstance()).isEscalation()
        ? NotificationKind.ESCALATION
        : outcomes.existsByProcessInstanceIdAndActivityId(task.getProcessInstanceId(), task.getTaskDefinitionKey())
            ? NotificationKind.RETURNED : NotificationKind.TASK_WAITING;
    String reasons = kind == NotificationKind.RETURNED ? reasons(task.getProcessInstanceId()) : null;
    if (task.getAssignee() != null) {
      notify(task, kind, task.getAssignee(), null, reasons);
      return;
    }
    CandidateGroups.of(task.getCandidates()).forEach(group -> notify(task, kind, null, group, reasons));
    task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
        .forEach(link -> notify(task, kind, link.getUserId(), null, reasons));
  }

  /**
   * Why work was sent back: the reasons of the decision just taken, in this same transaction, so among the
   * outcomes completed last (tasks completed in the same millisecond are possible).
   */
  private String reasons(String processInstanceId) {
    List<TaskOutcome> latest = outcomes.findTop5ByProcessInstanceIdOrderByCompletedAtDesc(processInstanceId);
    return latest.stream()
        .filter(outcome -> outcome.completedAt().equals(latest.get(0).completedAt()) && outcome.reasons() != null)
        .map(TaskOutcome::reasons).findFirst().orElse(null);
  }

  private void notify(DelegateTask task, NotificationKind kind, String user, String group, String reasons) {
    notifications.record(new NotificationRequest(kind, task.getTenantId(), engagementId(task),
        task.getProcessInstanceId(), task.getId(), user, group, task.getName(), reasons));
  }

  private void completed(DelegateTask task) {
    Map<String, Object> variables = task.getVariables();
    TaskForm form = forms.of(task).orElse(null);
    if (form != null) {
      String engagementId = engagementId(task);
      Function<String, List<Option>> options = choices.of(engagementId);
      List<FieldError> errors = form.validate(variables, field -> hidden(field, variables),
          key -> options.apply(key).stream().map(Option::value).toList());
      if (!errors.isEmpty()) {
        throw new TaskDataRejectedException(task.getId(), task.getName(), errors);
      }
    }
    if (form != null) {
      links(task, form, variables);
    }
    TaskKind kind = TaskKind.of(task.getBpmnModelElementInstance());
    ObjectNode outcome = outcome(form == null ? Map.of() : form.values(variables));
    String completedBy = completedBy(task);
    outcomes.save(new TaskOutcome(task.getTenantId(), engagementId(task), task.getProcessInstanceId(),
        task.getId(), task.getTaskDefinitionKey(), task.getName(), kind.step(), kind.kind(), completedBy,
        ClockUtil.getCurrentTime().toInstant(), outcome.toString(),
        form == null ? null : form.reasons(variables, field -> hidden(field, variables))));
    audit.record(completedBy, task.getTenantId(), engagementId(task), "TASK_COMPLETED", task.getId(),
        Map.of("task", task.getName(), "activity", task.getTaskDefinitionKey(), "step", String.valueOf(kind.step()),
            "outcome", outcome));
  }

  /**
   * For each document the form asks for ({@code <name>Document}, or the link {@code <name>Url} instead), where to
   * read it, as {@code <name>Link} for the forms of the tasks that review it: the service's copy of the chosen
   * version, or the link. Set afresh every time, so that a review never shows an earlier round's document.
   */
  private void links(DelegateTask task, TaskForm form, Map<String, Object> variables) {
    String engagementId = engagementId(task);
    for (FormField field : form.fields()) {
      if (field.valuesKey() == null || !field.key().endsWith(DOCUMENT)) {
        continue;
      }
      String name = field.key().substring(0, field.key().length() - DOCUMENT.length());
      Object chosen = variables.get(field.key());
      Object url = variables.get(name + "Url");
      String link = chosen != null && !chosen.toString().isBlank()
          ? choices.link(field.valuesKey(), engagementId, chosen.toString()).orElse(null)
          : url != null && !url.toString().isBlank() ? url.toString() : null;
      DelegateExecution instance = task.getExecution().getProcessInstance();
      if (link != null || instance.hasVariable(name + LINK)) {
        instance.setVariable(name + LINK, link);
      }
    }
  }

  /** Whether the form hides the field for these answers; if the condition cannot be evaluated, it is shown. */
  private boolean hidden(FormField field, Map<String, Object> variables) {
    try {
      Object result = feel.evaluateSimpleExpression(field.hideWhen(),
          Variables.fromMap(variables).asVariableContext());
      return Boolean.TRUE.equals(result);
    } catch (RuntimeException e) {
      log.warn("Cannot evaluate the hide condition of field {}: {}", field.key(), e.getMessage());
      return false;
    }
  }

  private ObjectNode outcome(Map<String, Object> values) {
    ObjectNode outcome = json.createObjectNode();
    values.forEach((key, value) -> outcome.set(key, toJson(value)));
    return outcome;
  }

  private JsonNode toJson(Object value) {
    try {
      if (value instanceof SpinJsonNode spin) {
        return json.readTree(spin.toString());
      }
      if (value instanceof Date date) {
        return json.getNodeFactory().textNode(date.toInstant().toString());
      }
      return json.valueToTree(value);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return json.getNodeFactory().textNode(String.valueOf(value));
    }
  }

  private static String completedBy(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService()
        .getCurrentAuthentication();
    return authentication != null ? authentication.getUserId() : task.getAssignee();
  }

  static String engagementId(DelegateTask task) {
    Object engagementId = task.getVariable(ENGAGEMENT_ID);
    return engagementId != null ? engagementId.toString() : task.getExecution().getProcessBusinessKey();
  }
}
