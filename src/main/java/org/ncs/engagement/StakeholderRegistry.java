package org.ncs.engagement;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people a stakeholder group's feedback task goes to: those who answer for the engagement's registered
 * organisations of that group. The production model names them as the task's candidates.
 */
@Component("stakeholderRegistry")
public class StakeholderRegistry {

  private final StakeholderRepository stakeholders;

  StakeholderRegistry(StakeholderRepository stakeholders) {
    this.stakeholders = stakeholders;
  }

  /** The people of a group in the engagement of a lifecycle (its business key), in order. */
  @Transactional(readOnly = true)
  public List<String> people(DelegateExecution execution, String group) {
    return people(execution.getProcessBusinessKey(), group);
  }

  @Transactional(readOnly = true)
  public List<String> people(String engagementId, String group) {
    return stakeholders.people(engagementId, group);
  }
}
