package org.ncs.lifecycle;

import java.util.List;

/**
 * Where an engagement's lifecycle stands, in brief, for a portfolio of many.
 *
 * @param phases the phases under way (P1 to P5), empty once it ended
 * @param openTasks the tasks waiting for someone
 * @param overdueTasks those of them past their due date
 * @param currentSteps the guide steps the waiting work performs or reviews (follow-ups and escalations aside),
 *     earliest due first, each once
 */
public record LifecycleSummary(List<String> phases, int openTasks, long overdueTasks,
    List<String> currentSteps) {
}
