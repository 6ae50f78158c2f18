package org.ncs.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The stakeholder groups consulted on a draft: one feedback task each. */
@Component("consultation")
public class Consultation {

  /**
   * The stakeholder categories of the guide, in the draft form's order: the groups a draft can be consulted
   * with, and the categories of an engagement's stakeholder registry.
   */
  public static final List<String> STAKEHOLDER_GROUPS = List.of("public-sector", "private-sector",
      "critical-infrastructure", "civil-society", "academia", "international-partners");

  static final String GROUPS = "consultationGroups";
  private static final Map<String, String> LABELS = Map.of(
      "public-sector", "Public sector",
      "private-sector", "Private sector",
      "critical-infrastructure", "Critical-infrastructure operators",
      "civil-society", "Civil society",
      "academia", "Academia",
      "international-partners", "International partners");

  /** The groups chosen when the draft was released, whether the form sent a JSON array or a list. */
  public List<String> groups(DelegateExecution execution) {
    List<String> groups = TaskForm.asList(execution.getVariable(GROUPS));
    if (groups == null || groups.isEmpty()) {
      throw new ProcessEngineException("The draft was released without " + GROUPS);
    }
    return groups.stream().distinct().toList();
  }

  /** The group a feedback task is for, from its name ("Give feedback on the draft (Civil society)"). */
  static Optional<String> groupNamed(String taskName) {
    return LABELS.entrySet().stream()
        .filter(label -> taskName != null && taskName.endsWith("(" + label.getValue() + ")"))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** A group's name for people, as the draft form lists it. */
  public String label(String group) {
    return LABELS.getOrDefault(group, group);
  }
}
