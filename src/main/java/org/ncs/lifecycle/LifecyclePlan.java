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

  /** How often progress is reported or monitored: from monthly to every other year. */
  public static final Range CADENCES = new Range(Period.ofMonths(1), Period.ofYears(2), QUARTERLY);
  /** How long a task may be overdue before it is followed up. */
  public static final Range GRACE_PERIODS = new Range(Period.ofDays(1), Period.ofMonths(6), ONE_WEEK);
  /** How long a task may take. */
  public static final Range TASK_DURATIONS = new Range(Period.ofDays(1), Period.ofYears(5), Period.ofDays(120));

  /**
   * The periods a plan may set for one purpose. Periods of months and days are compared as the time they span
   * from a fixed day, which is what the engine's timers will do with them.
   */
  public record Range(Period shortest, Period longest, Period example) {

    private static final LocalDate FROM = LocalDate.of(2000, 1, 1);

    public boolean contains(Period period) {
      LocalDate end = FROM.plus(period);
      return !end.isBefore(FROM.plus(shortest)) && !end.isAfter(FROM.plus(longest));
    }
  }

  public LifecyclePlan {
    reportingCadence = reportingCadence == null ? QUARTERLY : reportingCadence;
    monitoringCadence = monitoringCadence == null ? HALF_YEARLY : monitoringCadence;
    gracePeriod = gracePeriod == null ? ONE_WEEK : gracePeriod;
    taskDurations = taskDurations == null ? Map.of() : Map.copyOf(taskDurations);
    if (strategyEndDate == null) {
      throw new IllegalArgumentException("strategyEndDate is required");
    }
    require("reportingCadence", reportingCadence, CADENCES);
    require("monitoringCadence", monitoringCadence, CADENCES);
    require("gracePeriod", gracePeriod, GRACE_PERIODS);
    taskDurations.forEach((task, period) -> require("taskDurations." + task, period, TASK_DURATIONS));
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

  private static void require(String name, Period period, Range range) {
    if (!range.contains(period)) {
      throw new IllegalArgumentException(name + " must be between " + range.shortest() + " and " + range.longest()
          + ", not " + period);
    }
  }

}
