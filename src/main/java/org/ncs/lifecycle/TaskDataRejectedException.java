package org.ncs.lifecycle;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.ncs.web.FieldError;

/**
 * A task completion whose variables do not satisfy the task's form. The task stays open and nothing of the
 * completion is kept. Extends the engine's form validation exception so that the engine's REST API answers
 * 400 as it does for its own form fields.
 */
public class TaskDataRejectedException extends FormFieldValidationException {

  private final String taskId;
  private final List<FieldError> errors;

  public TaskDataRejectedException(String taskId, String taskName, List<FieldError> errors) {
    super(errors, "'" + taskName + "' cannot be completed: " + errors.stream()
        .map(e -> e.field() + " " + e.message())
        .collect(Collectors.joining("; ")));
    this.taskId = taskId;
    this.errors = List.copyOf(errors);
  }

  public String taskId() {
    return taskId;
  }

  /** Each offending field with what is wrong with it, in the form's order. */
  public List<FieldError> errors() {
    return errors;
  }
}
