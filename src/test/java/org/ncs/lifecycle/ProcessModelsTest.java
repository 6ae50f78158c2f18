package org.ncs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.junit.jupiter.api.Test;

/** The models and forms as the guide and the rest of the service expect them, checked without an engine. */
class ProcessModelsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern READABLE_ID = Pattern.compile(
      "(StartEvent|EndEvent|Event|Task|ServiceTask|ReceiveTask|CallActivity|Gateway|Timer|Flow)_[A-Z][A-Za-z]+");
  /** A name in an expression, not a member after a dot (in {@code partners.contains(...)} only {@code partners}). */
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{\\{\\s*(?:#if\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
  private static final Set<String> EL_WORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "empty",
      "true", "false", "null", "execution");
  private static final Set<String> PARTNER_ROLES = Set.of("itu-officer", "wb-cofacilitator");
  /** Variables the lifecycle sets itself rather than a form: the plan, and what delegates and mappings add. */
  private static final Set<String> PROCESS_VARIABLES = Set.of("engagementId", "country", "cycle", "entryPhase",
      "strategyEndDate", "reportingCadence", "monitoringCadence", "gracePeriod", "taskDurations", "partners",
      "consultationSummary", "stakeholderGroup", "overdueTask", "consultationRound", "actionPlanVersion",
      "slippageAsOf", "milestonesOnTime", "milestonesDue", "initiativesOnTime", "initiativesCounted",
      "lateInitiatives");

  private final Map<String, BpmnModelInstance> models = models();
  private final Map<String, JsonNode> forms = forms();
  private final JsonNode catalogue = catalogue();

  @Test
  void everyCatalogueStepIsPerformedByExactlyOneUserTaskOfItsRole() {
    Map<String, List<UserTask>> performers = userTasks()
        .filter(task -> TaskKind.of(task).kind().equals(TaskKind.PERFORM))
        .collect(Collectors.groupingBy(task -> TaskKind.of(task).step()));

    for (JsonNode step : steps()) {
      String id = step.path("id").asText();
      assertThat(performers.get(id)).as("tasks performing step %s", id).hasSize(1);
      assertThat(role(performers.get(id).get(0))).as("role of step %s", id)
          .isEqualTo(step.path("role").asText());
    }
    assertThat(performers).hasSize(steps().size());
  }

  @Test
  void everyUserTaskNamesACatalogueStepAndAKnownKind() {
    Set<String> stepIds = steps().stream().map(step -> step.path("id").asText()).collect(Collectors.toSet());

    userTasks().forEach(task -> {
      TaskKind kind = TaskKind.of(task);
      assertThat(stepIds).as("step of %s", task.getId()).contains(kind.step());
      assertThat(kind.kind()).as("kind of %s", task.getId())
          .isIn(TaskKind.PERFORM, TaskKind.REVIEW, TaskKind.FOLLOW_UP, TaskKind.ESCALATION);
    });
  }

  @Test
  void everyUserTaskHasANameAFormARoleADueDateAndItsTimers() {
    Set<String> roles = new HashSet<>(PARTNER_ROLES);
    catalogue.path("roles").forEach(role -> roles.add(role.path("key").asText()));

    userTasks().forEach(task -> {
      String id = task.getId();
      assertThat(task.getName()).as("name of %s", id).isNotBlank();
      assertThat(task.getCamundaFormRef()).as("form of %s", id).isNotBlank();
      assertThat(task.getCamundaFormRefBinding()).as("form binding of %s", id).isEqualTo("deployment");
      assertThat(roles).as("candidate group of %s", id).contains(role(task));
      assertThat(task.getCamundaDueDate()).as("due date of %s", id)
          .matches("\\$\\{deadlines\\.dueDate\\(execution, '" + id + "', 'P[0-9]+[DWMY]'\\)}");

      Map<String, BoundaryEvent> timers = boundaryTimers(task);
      BoundaryEvent due = timers.get("Timer_" + id.substring(5) + "Due");
      assertThat(due).as("due-date timer of %s", id).isNotNull();
      assertThat(due.cancelActivity()).isFalse();
      assertThat(timerExpression(due)).isEqualTo(task.getCamundaDueDate());
      if (TaskKind.of(task).isEscalation()) {
        assertThat(task.getCamundaCandidateGroups()).isEqualTo("itu-officer");
        assertThat(timers).hasSize(1);
      } else {
        BoundaryEvent overdue = timers.get("Timer_" + id.substring(5) + "Overdue");
        assertThat(overdue).as("escalation timer of %s", id).isNotNull();
        assertThat(overdue.cancelActivity()).isFalse();
        assertThat(timerExpression(overdue)).isEqualTo(task.getCamundaDueDate().replace("dueDate", "escalationDate"));
      }
    });
  }

  @Test
  void everyModelIsExecutableWithAHistoryTimeToLiveAndReadableNamedElements() {
    models.forEach((file, model) -> {
      Process process = model.getModelElementsByType(Process.class).iterator().next();
      assertThat(process.isExecutable()).as(file).isTrue();
      assertThat(process.getCamundaHistoryTimeToLiveString()).as("history time to live of %s", file).isNotBlank();
      assertThat(file).isEqualTo(process.getId() + ".bpmn");
      model.getModelElementsByType(FlowNode.class).forEach(node -> {
        assertThat(node.getId()).as("id in %s", file).matches(READABLE_ID);
        assertThat(node.getName()).as("name of %s in %s", node.getId(), file).isNotBlank();
      });
      model.getModelElementsByType(SequenceFlow.class).forEach(flow -> {
        assertThat(flow.getId()).as("id in %s", file).matches(READABLE_ID);
        if (flow.getConditionExpression() != null) {
          assertThat(flow.getName()).as("name of conditional flow %s", flow.getId()).isNotBlank();
        }
      });
    });
  }

  @Test
  void everyFormIsAValidCamundaFormUsedByATask() {
    Set<String> referenced = userTasks().map(UserTask::getCamundaFormRef).collect(Collectors.toSet());

    assertThat(forms.keySet()).containsExactlyInAnyOrderElementsOf(referenced);
    forms.forEach((id, form) -> {
      assertThat(form.path("schemaVersion").asInt()).as("schema version of %s", id).isEqualTo(16);
      assertThat(form.path("type").asText()).isEqualTo("default");
      List<String> componentIds = form.findValuesAsText("id").stream().filter(v -> !v.equals(id)).toList();
      assertThat(componentIds).as("component ids of %s", id).doesNotHaveDuplicates();
      List<FormField> fields = TaskForm.parse(form.toString(), JSON).fields();
      assertThat(fields).as("inputs of %s", id).isNotEmpty();
      assertThat(fields).extracting(FormField::key).as("keys of %s", id).doesNotHaveDuplicates();
      fields.forEach(field -> {
        if (field.pattern() != null) {
          assertThat(Pattern.compile(field.pattern())).isNotNull();
          // a person is told what the pattern asks for in words, never shown the expression
          assertThat(field.patternMessage()).as("patternMessage of %s.%s", id, field.key()).isNotBlank();
        }
        Set<String> dateBounds = new HashSet<>(field.after());
        dateBounds.addAll(field.notAfter());
        dateBounds.remove(TaskForm.TODAY);
        assertThat(fields).extracting(FormField::key).as("dates %s.%s is compared with", id, field.key())
            .containsAll(dateBounds);
        if (field.valuesKey() != null) {
          // the engagement's documents, offered on the task's page
          assertThat(field.valuesKey()).as("valuesKey of %s.%s", id, field.key()).isEqualTo("engagementDocuments");
        } else if (field.isChoice() || field.isMultiple()) {
          assertThat(field.options()).as("options of %s.%s", id, field.key()).isNotEmpty();
        }
        if (field.eitherOr() != null) {
          assertThat(fields).extracting(FormField::key).as("the other of %s.%s", id, field.key())
              .contains(field.eitherOr());
        }
      });
    });
  }

  /** The pages show and hide a form's fields as the person answers: only conditions of the shapes they apply. */
  @Test
  void everyConditionOfAFormIsOneThePagesApplyAsThePersonAnswers() {
    forms().forEach((id, form) -> {
      List<FormField> fields = TaskForm.parse(form.toString(), JSON).fields();
      fields.stream().filter(field -> field.hideWhen() != null).forEach(field -> {
        FormView.Condition condition = FormView.Condition.ofHideExpression(field.hideWhen()).orElse(null);
        assertThat(condition).as("%s.%s: %s", id, field.key(), field.hideWhen()).isNotNull();
        assertThat(fields).as("%s.%s depends on a field of its form", id, field.key())
            .anyMatch(other -> other.key().equals(condition.key()));
      });
    });
  }

  @Test
  void whatTheProcessReadsAfterATaskIsAFieldOfThatTasksForm() {
    userTasks().forEach(task -> {
      Set<String> keys = formKeys(task.getCamundaFormRef());
      Set<String> read = variablesReadAfter(task);
      assertThat(keys).as("form %s of %s must ask for %s", task.getCamundaFormRef(), task.getId(), read)
          .containsAll(read);
    });
    // the multi-instance consultation takes its groups from the draft's release
    MultiInstanceLoopCharacteristics consultation = models.get("ncs-phase-3-production.bpmn")
        .getModelElementsByType(MultiInstanceLoopCharacteristics.class).iterator().next();
    assertThat(consultation.getCamundaCollection()).contains("consultation.groups");
    assertThat(formKeys("ncs-draft-strategy")).contains(Consultation.GROUPS);
    // what the lifecycle takes back from its phases comes from their forms
    models.get("ncs-lifecycle.bpmn").getModelElementsByType(CallActivity.class).forEach(call -> call
        .getExtensionElements().getElementsQuery().filterByType(CamundaOut.class).list().forEach(out -> {
          BpmnModelInstance phase = models.get(call.getCalledElement() + ".bpmn");
          Set<String> phaseKeys = phase.getModelElementsByType(UserTask.class).stream()
              .flatMap(task -> formKeys(task.getCamundaFormRef()).stream())
              .collect(Collectors.toSet());
          assertThat(phaseKeys).as("%s returns %s", call.getId(), out.getCamundaSource())
              .contains(out.getCamundaSource());
        }));
  }

  @Test
  void theLifecycleCallsEachPhaseModelFromTheCallActivityThatNamesItsPhase() {
    List<CallActivity> calls = List.copyOf(models.get("ncs-lifecycle.bpmn").getModelElementsByType(CallActivity.class));

    assertThat(calls).hasSize(LifecyclePhase.values().length);
    calls.forEach(call -> {
      LifecyclePhase phase = LifecyclePhase.ofCallActivity(call.getId()).orElseThrow();
      assertThat(TaskKind.property(call, "phase")).as("phase of %s", call.getId()).contains(phase.name());
      assertThat(call.getCalledElement()).isEqualTo(phase.processKey);
      assertThat(models).containsKey(phase.processKey + ".bpmn");
    });
  }

  @Test
  void everyVariableAFormShowsIsOneSomeFormAsksForOrTheLifecycleSets() {
    Set<String> known = new HashSet<>(PROCESS_VARIABLES);
    forms.keySet().forEach(id -> known.addAll(formKeys(id)));
    // a document a form asks for (<name>Document) is read at <name>Link
    Set.copyOf(known).stream().filter(key -> key.endsWith(TaskFormListeners.DOCUMENT))
        .forEach(key -> known.add(key.replaceAll(TaskFormListeners.DOCUMENT + "$", TaskFormListeners.LINK)));

    forms.forEach((id, form) -> form.findValues("text").forEach(text -> {
      Matcher matcher = TEMPLATE_VARIABLE.matcher(text.asText());
      while (matcher.find()) {
        assertThat(known).as("variable shown in %s", id).contains(matcher.group(1));
      }
    }));
  }

  /** Variables in the conditions the process evaluates after the task, up to the next wait state. */
  private Set<String> variablesReadAfter(UserTask task) {
    Set<String> read = new LinkedHashSet<>();
    Deque<FlowNode> next = new ArrayDeque<>(task.getSucceedingNodes().list());
    Set<String> seen = new HashSet<>();
    task.getOutgoing().forEach(flow -> read.addAll(conditionVariables(flow)));
    while (!next.isEmpty()) {
      FlowNode node = next.pop();
      if (!seen.add(node.getId()) || !(node instanceof Gateway || node instanceof ServiceTask)) {
        continue;
      }
      node.getOutgoing().forEach(flow -> {
        read.addAll(conditionVariables(flow));
        next.push(flow.getTarget());
      });
    }
    return read.stream().filter(v -> !PROCESS_VARIABLES.contains(v)).collect(Collectors.toSet());
  }

  private static Set<String> conditionVariables(SequenceFlow flow) {
    ConditionExpression condition = flow.getConditionExpression();
    if (condition == null) {
      return Set.of();
    }
    String expression = condition.getTextContent().replaceAll("'[^']*'", "").replaceAll("\"[^\"]*\"", "");
    Set<String> variables = new HashSet<>();
    Matcher matcher = IDENTIFIER.matcher(expression);
    while (matcher.find()) {
      if (!EL_WORDS.contains(matcher.group())) {
        variables.add(matcher.group());
      }
    }
    return variables;
  }

  private Set<String> formKeys(String formId) {
    JsonNode form = forms.get(formId);
    assertThat(form).as("form %s", formId).isNotNull();
    return TaskForm.parse(form.toString(), JSON).fields().stream().map(FormField::key).collect(Collectors.toSet());
  }

  private static Map<String, BoundaryEvent> boundaryTimers(UserTask task) {
    Collection<BoundaryEvent> boundaries = task.getModelInstance().getModelElementsByType(BoundaryEvent.class);
    return boundaries.stream()
        .filter(event -> event.getAttachedTo() == task)
        .filter(event -> !event.getEventDefinitions().isEmpty()
            && event.getEventDefinitions().iterator().next() instanceof TimerEventDefinition)
        .collect(Collectors.toMap(BoundaryEvent::getId, event -> event, (a, b) -> a, TreeMap::new));
  }

  private static String timerExpression(BoundaryEvent event) {
    TimerEventDefinition timer = (TimerEventDefinition) event.getEventDefinitions().iterator().next();
    return timer.getTimeDate().getTextContent();
  }

  /**
   * The role a task waits for: its candidate group, or, for a stakeholder group's feedback, the stakeholders the
   * registry names for that group.
   */
  private static String role(UserTask task) {
    if (task.getCamundaCandidateGroups() != null) {
      return task.getCamundaCandidateGroups();
    }
    return "${stakeholderRegistry.people(execution, stakeholderGroup)}".equals(task.getCamundaCandidateUsers())
        ? "stakeholder" : null;
  }

  private Stream<UserTask> userTasks() {
    return models.values().stream().flatMap(model -> model.getModelElementsByType(UserTask.class).stream());
  }

  private List<JsonNode> steps() {
    List<JsonNode> steps = new java.util.ArrayList<>();
    catalogue.path("phases").forEach(phase -> phase.path("steps").forEach(steps::add));
    return steps;
  }

  private static Map<String, BpmnModelInstance> models() {
    Map<String, BpmnModelInstance> models = new TreeMap<>();
    for (File file : new File("bpmn").listFiles((dir, name) -> name.endsWith(".bpmn"))) {
      models.put(file.getName(), Bpmn.readModelFromFile(file));
    }
    assertThat(models).hasSize(6);
    return models;
  }

  private static Map<String, JsonNode> forms() {
    Map<String, JsonNode> forms = new HashMap<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode form = JSON.readTree(file.toFile());
        assertThat(forms.put(form.path("id").asText(), form)).as("form id %s", file).isNull();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return forms;
  }

  private static JsonNode catalogue() {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(
          new File("src/main/resources/catalogue/ncs-guide-2021.yaml"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
