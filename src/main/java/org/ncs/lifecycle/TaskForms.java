package org.ncs.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * The Camunda Form of a task, read from the task's own deployment (models bind their forms with
 * {@code formRefBinding="deployment"}) and kept per deployment: deployments never change.
 */
@Component
class TaskForms {

  private final ObjectMapper json;
  private final Map<String, Map<String, TaskForm>> formsByDeployment = new ConcurrentHashMap<>();

  TaskForms(ObjectMapper json) {
    this.json = json;
  }

  Optional<TaskForm> of(DelegateTask task) {
    Expression formRef = ((TaskEntity) task).getTaskDefinition().getCamundaFormDefinitionKey();
    if (formRef == null) {
      return Optional.empty();
    }
    String deploymentId = ((ExecutionEntity) task.getExecution()).getProcessDefinition().getDeploymentId();
    return of(task.getProcessEngineServices().getRepositoryService(), deploymentId, formRef.getExpressionText());
  }

  Optional<TaskForm> of(RepositoryService repository, String deploymentId, String formKey) {
    if (formKey == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(formsByDeployment
        .computeIfAbsent(deploymentId, id -> load(repository, id))
        .get(formKey));
  }

  private Map<String, TaskForm> load(RepositoryService repository, String deploymentId) {
    Map<String, TaskForm> forms = new HashMap<>();
    for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
      if (resource.endsWith(".form")) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
          TaskForm form = TaskForm.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), json);
          forms.put(form.id(), form);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read form " + resource, e);
        }
      }
    }
    return Map.copyOf(forms);
  }
}
