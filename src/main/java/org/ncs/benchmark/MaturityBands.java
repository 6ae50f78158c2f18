package org.ncs.benchmark;

import java.math.BigDecimal;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.ncs.security.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * The maturity band of an overall score, as the decision table {@code bpmn/maturity-band.dmn} says: policy staff
 * change the bands in Camunda Modeler, and the engine evaluates the deployed table. It is asked as an assessment is
 * validated, in that transaction (the engine records the evaluation in its history), and the band is frozen with
 * the scores: a later table applies to later validations.
 */
@Component
class MaturityBands {

  static final String DECISION = "Decision_MaturityBand";

  private final DecisionService decisions;
  private final SystemAccess system;

  MaturityBands(ProcessEngine engine, SystemAccess system) {
    this.decisions = engine.getDecisionService();
    this.system = system;
  }

  /** The band's key ("developing"), or null for no score. */
  String of(BigDecimal score) {
    if (score == null) {
      return null;
    }
    // the table is the service's, not a country's: evaluated on the service's behalf
    return system.call(() -> decisions.evaluateDecisionTableByKey(DECISION).decisionDefinitionWithoutTenantId()
        .variables(Variables.createVariables().putValue("score", score.doubleValue()))
        .evaluate().getSingleResult().getSingleEntry());
  }
}
