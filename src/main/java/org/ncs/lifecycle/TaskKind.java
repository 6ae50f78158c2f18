package org.ncs.lifecycle;

import java.util.Optional;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * How a user task relates to the guide, from its extension properties: {@code step} names the catalogue step,
 * {@code kind} says whether the task performs the step, reviews its result, follows it up or escalates it.
 */
record TaskKind(String step, String kind) {

  static final String PERFORM = "perform";
  static final String REVIEW = "review";
  static final String FOLLOW_UP = "follow-up";
  static final String ESCALATION = "escalation";

  static TaskKind of(BaseElement element) {
    return new TaskKind(property(element, "step").orElse(null), property(element, "kind").orElse(PERFORM));
  }

  boolean isEscalation() {
    return ESCALATION.equals(kind);
  }

  /** A task that performs or reviews a guide step; follow-ups and escalations are the engine's reminders. */
  boolean isGuideStep() {
    return step != null && !FOLLOW_UP.equals(kind) && !isEscalation();
  }

  static Optional<String> property(BaseElement element, String name) {
    ExtensionElements extensions = element == null ? null : element.getExtensionElements();
    if (extensions == null) {
      return Optional.empty();
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> name.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst();
  }
}
