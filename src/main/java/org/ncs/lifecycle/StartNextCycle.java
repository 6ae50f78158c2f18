package org.ncs.lifecycle;

import static org.ncs.lifecycle.LifecycleVariables.CYCLE;
import static org.ncs.lifecycle.LifecycleVariables.ENTRY_PHASE;
import static org.ncs.lifecycle.LifecycleVariables.NEXT_CYCLE_ENTRY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A renewed strategy starts its next cycle, numbered one up, at the phase the evaluation chose. */
@Component("startNextCycle")
class StartNextCycle implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Object cycle = execution.getVariable(CYCLE);
    execution.setVariable(CYCLE, cycle instanceof Number n ? n.intValue() + 1 : 2);
    Object entry = execution.getVariable(NEXT_CYCLE_ENTRY);
    execution.setVariable(ENTRY_PHASE, entry == null ? "initiation" : entry.toString());
  }
}
