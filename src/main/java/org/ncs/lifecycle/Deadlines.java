package org.ncs.lifecycle;

import static org.ncs.lifecycle.LifecycleVariables.GRACE_PERIOD;
import static org.ncs.lifecycle.LifecycleVariables.MONITORING_CADENCE;
import static org.ncs.lifecycle.LifecycleVariables.REPORTING_CADENCE;
import static org.ncs.lifecycle.LifecycleVariables.STRATEGY_END_DATE;
import static org.ncs.lifecycle.LifecycleVariables.TASK_DURATIONS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Dates and cycles the models compute from the engagement's plan: a task's due date (the model's default period
 * unless the plan gives that task another), when an overdue task escalates, how often progress is reported and
 * monitored, and when the strategy period ends. Times follow the engine clock and are in UTC.
 */
@Component("deadlines")
public class Deadlines {

  private final ObjectMapper json;

  Deadlines(ObjectMapper json) {
    this.json = json;
  }

  /** When the task is due: now plus the period the plan allows for it, or the model's default. */
  public Date dueDate(DelegateExecution execution, String taskId, String defaultPeriod) {
    return Date.from(now().plus(periodFor(execution, taskId, defaultPeriod)).toInstant());
  }

  /** When an unfinished task is handed to the ITU officer: its due date plus the plan's grace period. */
  public Date escalationDate(DelegateExecution execution, String taskId, String defaultPeriod) {
    Period grace = period(execution, GRACE_PERIOD, LifecyclePlan.ONE_WEEK);
    return Date.from(now().plus(periodFor(execution, taskId, defaultPeriod)).plus(grace).toInstant());
  }

  /** Timer cycle of the progress reports, e.g. {@code R/P3M}. */
  public String reportingCycle(DelegateExecution execution) {
    return "R/" + period(execution, REPORTING_CADENCE, LifecyclePlan.QUARTERLY);
  }

  /** Timer cycle of the monitoring rounds, e.g. {@code R/P6M}. */
  public String monitoringCycle(DelegateExecution execution) {
    return "R/" + period(execution, MONITORING_CADENCE, LifecyclePlan.HALF_YEARLY);
  }

  /** The moment the strategy period is over: the start of the day after its last day. */
  public Date strategyEnd(DelegateExecution execution) {
    Object value = execution.getVariable(STRATEGY_END_DATE);
    if (value == null) {
      throw new ProcessEngineException("The engagement has no " + STRATEGY_END_DATE);
    }
    try {
      LocalDate lastDay = value instanceof Date date
          ? date.toInstant().atZone(ZoneOffset.UTC).toLocalDate()
          : LocalDate.parse(value.toString());
      return Date.from(lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException e) {
      throw new ProcessEngineException(STRATEGY_END_DATE + " '" + value + "' is not an ISO date (yyyy-mm-dd)", e);
    }
  }

  private Period periodFor(DelegateExecution execution, String taskId, String defaultPeriod) {
    Object durations = execution.getVariable(TASK_DURATIONS);
    if (durations != null && !durations.toString().isBlank()) {
      try {
        JsonNode planned = json.readTree(durations.toString()).get(taskId);
        if (planned != null && planned.isTextual()) {
          return parse(TASK_DURATIONS + "." + taskId, planned.asText());
        }
      } catch (JsonProcessingException e) {
        throw new ProcessEngineException(TASK_DURATIONS + " is not a JSON object of task ids to periods", e);
      }
    }
    return parse("default of " + taskId, defaultPeriod);
  }

  private static Period period(DelegateExecution execution, String variable, Period fallback) {
    Object value = execution.getVariable(variable);
    return value == null ? fallback : parse(variable, value.toString());
  }

  private static Period parse(String name, String value) {
    try {
      return Period.parse(value);
    } catch (DateTimeParseException e) {
      throw new ProcessEngineException(name + " '" + value + "' is not an ISO-8601 period such as P30D or P3M", e);
    }
  }

  private static ZonedDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZoneOffset.UTC);
  }
}
