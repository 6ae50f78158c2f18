package org.ncs.lifecycle;

/** Names of the process variables every lifecycle model shares. */
final class LifecycleVariables {

  /** The engagement the lifecycle belongs to; also the business key of every instance. */
  static final String ENGAGEMENT_ID = "engagementId";
  /** ISO 3166-1 alpha-3 code of the country: the tenant of every instance. */
  static final String COUNTRY = "country";
  /** Strategy cycle, starting at 1; a renewal starts the next one. */
  static final String CYCLE = "cycle";
  /** Where a cycle starts: {@code initiation} (the default) or {@code stocktaking}. */
  static final String ENTRY_PHASE = "entryPhase";
  static final String STRATEGY_END_DATE = "strategyEndDate";
  static final String REPORTING_CADENCE = "reportingCadence";
  static final String MONITORING_CADENCE = "monitoringCadence";
  static final String GRACE_PERIOD = "gracePeriod";
  /** JSON object of task id to ISO-8601 period, e.g. {@code {"Task_DraftStrategy":"P120D"}}. */
  static final String TASK_DURATIONS = "taskDurations";
  /** The organisations supporting the engagement (e.g. ITU, World Bank), a list kept up to date. */
  static final String PARTNERS = "partners";
  /** Where a renewed strategy's next cycle starts. */
  static final String NEXT_CYCLE_ENTRY = "nextCycleEntry";

  private LifecycleVariables() {
  }
}
