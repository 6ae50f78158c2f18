package org.ncs.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.ncs.security.SystemAccess;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The maturity band of an overall score, as the decision table {@code bpmn/maturity-band.dmn} says: policy staff
 * change the bands in Camunda Modeler, and the engine evaluates the deployed table.
 *
 * <p>The engine records every evaluation in its history, so each score (to one decimal, at most 1,001 of them) is
 * evaluated once per deployed version of the table and remembered; a newly deployed version is picked up within a
 * minute. Evaluations run in a transaction of their own, as a page's reading transaction cannot write history.
 */
@Component
class MaturityBands {

  static final String DECISION = "Decision_MaturityBand";
  private static final Duration RECHECK = Duration.ofMinutes(1);

  /** The bands of one version of the table, as far as they were asked for. */
  private record Known(String definitionId, Instant checkedAt, Map<BigDecimal, String> bands) {
  }

  private final DecisionService decisions;
  private final RepositoryService repository;
  private final SystemAccess system;
  private final TransactionTemplate own;
  private final Clock clock;
  private volatile Known known;

  MaturityBands(ProcessEngine engine, SystemAccess system, PlatformTransactionManager transactions, Clock clock) {
    this.decisions = engine.getDecisionService();
    this.repository = engine.getRepositoryService();
    this.system = system;
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** The band's key ("developing"), or null for no score. */
  String of(BigDecimal score) {
    if (score == null) {
      return null;
    }
    Known table = table();
    return table.bands().computeIfAbsent(score.setScale(1, RoundingMode.HALF_UP), shown -> evaluate(
        table.definitionId(), shown));
  }

  private Known table() {
    Known current = known;
    Instant now = clock.instant();
    if (current == null || current.checkedAt().plus(RECHECK).isBefore(now)) {
      String latest = own.execute(status -> system.call(() -> repository.createDecisionDefinitionQuery()
          .decisionDefinitionKey(DECISION).withoutTenantId().latestVersion().singleResult())).getId();
      current = current != null && current.definitionId().equals(latest)
          ? new Known(latest, now, current.bands())
          : new Known(latest, now, new ConcurrentHashMap<>());
      known = current;
    }
    return current;
  }

  /** The table's answer, from the engine, on the service's behalf: the table is the service's, not a country's. */
  private String evaluate(String definitionId, BigDecimal score) {
    return own.execute(status -> system.call(() -> decisions.evaluateDecisionTableById(definitionId)
        .variables(Variables.createVariables().putValue("score", score.doubleValue()))
        .evaluate().getSingleResult().getSingleEntry()));
  }
}
