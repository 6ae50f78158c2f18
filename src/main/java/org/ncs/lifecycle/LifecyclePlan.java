package org.ncs.lifecycle;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.TreeMap;

/**
 * How an engagement paces its lifecycle.
 *
 * @param strategyEndDate the last day of the strategy period: implementation and monitoring run until then
 * @param reportingCadence how often implementation progress is reported (quarterly by default)
 * @param monitoringCadence how often the monitoring body reviews progress (half-yearly by default)
 * @param gracePeriod how long a task may be overdue before the ITU officer is asked to follow up
 * @param taskDurations per-task time allowed, by task id (e.g. {@code Task_DraftStrategy -> P120D}), overriding
 *     the model's default for that task
 */
public record LifecyclePlan(
    LocalDate strategyEndDate,
    Period reportingCadence,
    Period monitoringCadence,
    Period gracePeriod,
    Map<String, Period> taskDurations) {

  public static final Period QUARTERLY = Period.ofMonths(3);
  public static final Period HALF_YEARLY = Period.ofMonths(6);
  public static final Period ONE_WEEK = Period.ofDays(7);

  public LifecyclePlan {
    reportingCadence = reportingCadence == null ? QUARTERLY : reportingCadence;
    monitoringCadence = monitoringCadence == null ? HALF_YEARLY : monitoringCadence;
    gracePeriod = gracePeriod == null ? ONE_WEEK : gracePeriod;
    taskDurations = taskDurations == null ? Map.of() : Map.copyOf(taskDurations);
    if (strategyEndDate == null) {
      throw new IllegalArgumentException("strategyEndDate is required");
    }
    requirePositive("reportingCadence", reportingCadence);
    requirePositive("monitoringCadence", monitoringCadence);
    requirePositive("gracePeriod", gracePeriod);
    taskDurations.forEach((task, period) -> requirePositive("taskDurations." + task, period));
  }

  /** Each task's time as ISO-8601 text, by task id in order: how the plan is stored and passed around. */
  public Map<String, String> taskDurationTexts() {
    Map<String, String> texts = new TreeMap<>();
    taskDurations.forEach((task, period) -> texts.put(task, period.toString()));
    return texts;
  }

  /** The defaults, for a strategy period ending on the given day. */
  public static LifecyclePlan endingOn(LocalDate strategyEndDate) {
    return new LifecyclePlan(strategyEndDate, null, null, null, null);
  }

  private static void requirePositive(String name, Period period) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive period, not " + period);
    }
  }
}
