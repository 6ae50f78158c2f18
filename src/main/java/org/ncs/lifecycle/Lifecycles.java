package org.ncs.lifecycle;

import static org.ncs.lifecycle.LifecycleVariables.COUNTRY;
import static org.ncs.lifecycle.LifecycleVariables.CYCLE;
import static org.ncs.lifecycle.LifecycleVariables.ENGAGEMENT_ID;
import static org.ncs.lifecycle.LifecycleVariables.ENTRY_PHASE;
import static org.ncs.lifecycle.LifecycleVariables.GRACE_PERIOD;
import static org.ncs.lifecycle.LifecycleVariables.MONITORING_CADENCE;
import static org.ncs.lifecycle.LifecycleVariables.REPORTING_CADENCE;
import static org.ncs.lifecycle.LifecycleVariables.STRATEGY_END_DATE;
import static org.ncs.lifecycle.LifecycleVariables.TASK_DURATIONS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
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
  private final ObjectMapper json;

  Lifecycles(RuntimeService runtime, ObjectMapper json) {
    this.runtime = runtime;
    this.json = json;
  }

  /**
   * Starts the first cycle at initiation.
   *
   * @param country ISO 3166-1 alpha-3 code, which becomes the tenant of every instance of this lifecycle
   * @return the id of the lifecycle's process instance
   */
  @Transactional
  public String start(String engagementId, String country, LifecyclePlan plan) {
    VariableMap variables = Variables.createVariables()
        .putValue(ENGAGEMENT_ID, engagementId)
        .putValue(COUNTRY, country)
        .putValue(CYCLE, 1)
        .putValue(ENTRY_PHASE, "initiation")
        .putValue(STRATEGY_END_DATE, plan.strategyEndDate().toString())
        .putValue(REPORTING_CADENCE, plan.reportingCadence().toString())
        .putValue(MONITORING_CADENCE, plan.monitoringCadence().toString())
        .putValue(GRACE_PERIOD, plan.gracePeriod().toString())
        .putValue(TASK_DURATIONS, taskDurations(plan));
    return runtime.createProcessInstanceByKey(PROCESS_KEY)
        .processDefinitionWithoutTenantId()
        .businessKey(engagementId)
        .setVariables(variables)
        .execute()
        .getId();
  }

  /**
   * The strategy was adopted outside the system (a cabinet decision, say) while it awaited formal approval:
   * the approval task is closed and publication follows.
   *
   * @param strategyEndDate the last day of the adopted strategy's period
   * @throws org.camunda.bpm.engine.MismatchingMessageCorrelationException if the engagement's strategy is not
   *     awaiting approval
   */
  @Transactional
  public void recordExternalAdoption(String engagementId, String reference, LocalDate adoptionDate,
      LocalDate strategyEndDate) {
    runtime.createMessageCorrelation(STRATEGY_ADOPTED)
        .processInstanceBusinessKey(engagementId)
        .setVariable("adoptionReference", reference)
        .setVariable("adoptionDate", adoptionDate.toString())
        .setVariable(STRATEGY_END_DATE, strategyEndDate.toString())
        .correlateWithResult();
  }

  /**
   * The strategy period is over before its planned end: implementation and monitoring stop and the outcome is
   * evaluated.
   *
   * @return how many phases were waiting for the end (implementation and monitoring: 2), 0 if none were
   */
  @Transactional
  public int endStrategyPeriod(String engagementId) {
    return runtime.createMessageCorrelation(STRATEGY_PERIOD_ENDED)
        .processInstanceBusinessKey(engagementId)
        .correlateAllWithResult()
        .size();
  }

  private String taskDurations(LifecyclePlan plan) {
    Map<String, String> durations = new TreeMap<>();
    plan.taskDurations().forEach((task, period) -> durations.put(task, period.toString()));
    try {
      return json.writeValueAsString(durations);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
