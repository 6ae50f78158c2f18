package org.ncs.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The work waiting in the whole cluster, read from the database once a minute (not on every scrape): open and
 * overdue tasks per country (at most one series per country; a country whose tasks are all done reports 0 rather
 * than nothing), jobs that failed for good and open incidents. Every node reports the same figures; a dashboard
 * takes the maximum over nodes.
 */
@Component
class WorkGauges {

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final MultiGauge openTasks;
  private final MultiGauge overdueTasks;
  private final AtomicLong failedJobs = new AtomicLong();
  private final AtomicLong incidents = new AtomicLong();
  private final Set<String> countries = ConcurrentHashMap.newKeySet();

  WorkGauges(JdbcTemplate jdbc, Clock clock, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.clock = clock;
    openTasks = MultiGauge.builder("ncs.tasks.open").description("Open user tasks per country, whole cluster")
        .register(registry);
    overdueTasks = MultiGauge.builder("ncs.tasks.overdue").description("Open user tasks past their due date")
        .register(registry);
    Gauge.builder("ncs.jobs.failed", failedJobs, AtomicLong::get)
        .description("Jobs without retries left (each has an incident), whole cluster").register(registry);
    Gauge.builder("ncs.incidents.open", incidents, AtomicLong::get)
        .description("Open incidents, whole cluster").register(registry);
  }

  @Scheduled(initialDelay = 0, fixedDelayString = "${ncs.metrics.refresh:PT1M}")
  void refresh() {
    Map<String, CountryTasks> tasks = new TreeMap<>();
    jdbc.query("select tenant_id_, count(*), "
        + "sum(case when due_date_ < ? then 1 else 0 end) from act_ru_task where tenant_id_ is not null "
        + "group by tenant_id_", row -> {
          tasks.put(row.getString(1), new CountryTasks(row.getLong(2), row.getLong(3)));
        }, Timestamp.from(clock.instant()));
    countries.addAll(tasks.keySet());
    List<MultiGauge.Row<?>> open = new ArrayList<>();
    List<MultiGauge.Row<?>> overdue = new ArrayList<>();
    for (String country : countries) {
      CountryTasks counts = tasks.getOrDefault(country, new CountryTasks(0, 0));
      open.add(MultiGauge.Row.of(Tags.of("country", country), counts.open()));
      overdue.add(MultiGauge.Row.of(Tags.of("country", country), counts.overdue()));
    }
    openTasks.register(open, true);
    overdueTasks.register(overdue, true);
    failedJobs.set(jdbc.queryForObject("select count(*) from act_ru_job where retries_ = 0", Long.class));
    incidents.set(jdbc.queryForObject("select count(*) from act_ru_incident", Long.class));
  }

  private record CountryTasks(long open, long overdue) {
  }
}
