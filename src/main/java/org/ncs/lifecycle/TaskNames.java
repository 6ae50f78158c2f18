package org.ncs.lifecycle;

import java.util.Optional;
import org.ncs.web.Messages;

/**
 * A task's name in the reader's language: the models name their tasks in English, the other languages are message
 * keys named by the task's element id ({@code Task_DraftStrategy}). A stakeholder group's feedback task also names
 * its group.
 */
public final class TaskNames {

  private static final String FEEDBACK = "Task_ProvideFeedback";

  private TaskNames() {
  }

  /**
   * @param activityId the task's element in the model
   * @param name the task's name as the engine has it, in English
   */
  public static String of(String activityId, String name) {
    if (activityId == null) {
      return name;
    }
    String translated = Messages.getOrDefault(activityId, null);
    if (translated == null) {
      return name;
    }
    if (FEEDBACK.equals(activityId)) {
      Optional<String> group = Consultation.groupNamed(name);
      return Messages.get(activityId, group.map(key -> Messages.getOrDefault("stakeholderCategory." + key, key))
          .orElse("…"));
    }
    return translated;
  }

  /**
   * An element's name on a process diagram, in the reader's language: the model's own name where there is no
   * translation, with any expression in it (a name the engine fills in per task) shown as an ellipsis.
   */
  static String inDiagram(String elementId, String name) {
    String translated = Messages.getOrDefault(elementId, null);
    if (translated == null) {
      return name == null ? null : name.replaceAll("\\$\\{[^}]*}", "…");
    }
    return FEEDBACK.equals(elementId) ? Messages.get(elementId, "…") : translated;
  }

  /** A phase's name (P1 to P5) in the reader's language. */
  public static String phase(String phase) {
    return phase == null ? "" : Messages.getOrDefault("phase." + phase, phase);
  }
}
