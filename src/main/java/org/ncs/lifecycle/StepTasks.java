package org.ncs.lifecycle;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** What the modules' step listeners ask of the task they run on: who acts, and for which country. */
public final class StepTasks {

  private StepTasks() {
  }

  /**
   * Whoever acts on the task: the one signed in (who completes it, or who completed the step that created it),
   * else its assignee, else the engine itself (a timer).
   */
  public static String actor(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication != null ? authentication.getUserId()
        : task.getAssignee() != null ? task.getAssignee() : "system";
  }

  /** The task's country: its tenant, or the lifecycle's {@code country} variable. */
  public static String country(DelegateTask task) {
    Object country = task.getTenantId() != null ? task.getTenantId() : task.getVariable(LifecycleVariables.COUNTRY);
    if (country == null) {
      throw new ProcessEngineException("Task " + task.getId() + " belongs to no country");
    }
    return country.toString();
  }
}
