package org.ncs.lifecycle;

import static org.ncs.lifecycle.LifecycleVariables.CYCLE;
import static org.ncs.lifecycle.LifecycleVariables.ENGAGEMENT_ID;
import static org.ncs.lifecycle.LifecycleVariables.ENTRY_PHASE;
import static org.ncs.lifecycle.LifecycleVariables.NEXT_CYCLE_ENTRY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** A renewed strategy starts its next cycle, numbered one up, at the phase the evaluation chose. */
@Component("startNextCycle")
class StartNextCycle implements JavaDelegate {

  private final ApplicationEventPublisher events;

  StartNextCycle(ApplicationEventPublisher events) {
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object cycle = execution.getVariable(CYCLE);
    int next = cycle instanceof Number n ? n.intValue() + 1 : 2;
    execution.setVariable(CYCLE, next);
    Object entry = execution.getVariable(NEXT_CYCLE_ENTRY);
    execution.setVariable(ENTRY_PHASE, entry == null ? "initiation" : entry.toString());
    events.publishEvent(new CycleStarted((String) execution.getVariable(ENGAGEMENT_ID), next));
  }
}
