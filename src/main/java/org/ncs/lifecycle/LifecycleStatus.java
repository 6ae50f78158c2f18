package org.ncs.lifecycle;

import java.util.List;

/**
 * Where an engagement's lifecycle stands.
 *
 * @param phases the phases under way (implementation and monitoring run side by side), empty once it ended
 * @param cycle the strategy cycle, from 1
 * @param openTasks every task waiting for someone, earliest due first
 */
public record LifecycleStatus(List<String> phases, int cycle, List<OpenTask> openTasks) {

  public long overdueTasks() {
    return openTasks.stream().filter(OpenTask::overdue).count();
  }
}
