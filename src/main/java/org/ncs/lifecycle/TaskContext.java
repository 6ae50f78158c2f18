package org.ncs.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * What came before a task that comes round again (a plan returned, changes requested, more analysis asked for):
 * what was answered in its previous round, and everything decided since, the decision that sent it back with its
 * reasons included.
 *
 * @param previousRound this task's answers the last time it was completed
 * @param since the other tasks completed after that, oldest first
 */
public record TaskContext(PastTask previousRound, List<PastTask> since) {

  /** A completed task and its answers, as its form recorded them. */
  public record PastTask(String activityId, String name, String step, String kind, String completedBy,
      Instant completedAt, JsonNode answers) {
  }
}
