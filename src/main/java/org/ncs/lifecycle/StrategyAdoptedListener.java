package org.ncs.lifecycle;

import static org.ncs.lifecycle.LifecycleVariables.ENGAGEMENT_ID;
import static org.ncs.lifecycle.LifecycleVariables.STRATEGY_END_DATE;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Tells the rest of the service that the strategy was adopted, and for which period. */
@Component("strategyAdopted")
class StrategyAdoptedListener implements ExecutionListener {

  static final String ADOPTION_REFERENCE = "adoptionReference";
  static final String ADOPTION_DATE = "adoptionDate";
  /** Who reported an adoption decided outside the system (transient: only for the record). */
  static final String ADOPTED_BY = "adoptedBy";

  private final ApplicationEventPublisher events;

  StrategyAdoptedListener(ApplicationEventPublisher events) {
    this.events = events;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    Object reportedBy = execution.getVariable(ADOPTED_BY);
    events.publishEvent(new StrategyAdopted((String) execution.getVariable(ENGAGEMENT_ID),
        String.valueOf(execution.getVariable(ADOPTION_REFERENCE)), date(execution, ADOPTION_DATE),
        date(execution, STRATEGY_END_DATE), reportedBy != null ? reportedBy.toString()
            : user == null ? null : user.getUserId()));
  }

  private static LocalDate date(DelegateExecution execution, String variable) {
    Object value = execution.getVariable(variable);
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
    try {
      return LocalDate.parse(String.valueOf(value).substring(0, Math.min(10, String.valueOf(value).length())));
    } catch (DateTimeParseException e) {
      throw new ProcessEngineException(variable + " '" + value + "' is not an ISO date (yyyy-mm-dd)", e);
    }
  }
}
