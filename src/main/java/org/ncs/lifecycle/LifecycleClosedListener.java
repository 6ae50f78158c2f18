package org.ncs.lifecycle;

import static org.ncs.lifecycle.LifecycleVariables.ENGAGEMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Tells the rest of the service that an engagement's lifecycle has closed. */
@Component("lifecycleClosed")
class LifecycleClosedListener implements ExecutionListener {

  private final ApplicationEventPublisher events;

  LifecycleClosedListener(ApplicationEventPublisher events) {
    this.events = events;
  }

  @Override
  public void notify(DelegateExecution execution) {
    events.publishEvent(new LifecycleClosed((String) execution.getVariable(ENGAGEMENT_ID)));
  }
}
