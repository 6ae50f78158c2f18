package org.ncs.lifecycle;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Engine rules that hold for every model, so no model can forget them: each instance runs in its country's
 * tenant, every user task gets the form checks and outcome record of {@link TaskFormListeners}, and a follow-up
 * ends with the task it follows up ({@link FollowUps}). The
 * listeners are built in, which keeps them running even when an operator skips custom listeners.
 */
@Component
class LifecycleEnginePlugin extends AbstractProcessEnginePlugin {

  private final TaskFormListeners listeners;
  private final FollowUps followUps;

  LifecycleEnginePlugin(TaskFormListeners listeners, FollowUps followUps) {
    this.listeners = listeners;
    this.followUps = followUps;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(new CountryTenants());
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new TaskDataRejections());
    configuration.getCustomPreCommandInterceptorsTxRequired().add(followUps.interceptor());
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listeners.onCreate());
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listeners.onComplete());
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, followUps.onEnd());
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, followUps.onEnd());
      }
    });
  }
}
