package org.ncs.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The work waiting in the whole cluster, read from the database once a minute (not on every scrape): open and
 * overdue tasks per country (at most one series per country), jobs that failed for good and open incidents. Every
 * node reports the same figures; a dashboard takes the maximum over nodes.
 */
@Component
class WorkGauges {

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final MultiGauge openTasks;
  private final MultiGauge overdueTasks;
  private final AtomicLong failedJobs = new AtomicLong();
  private final AtomicLong incidents = new AtomicLong();

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
    List<CountryTasks> tasks = jdbc.query("select tenant_id_, count(*), "
        + "sum(case when due_date_ < ? then 1 else 0 end) from act_ru_task where tenant_id_ is not null "
        + "group by tenant_id_", (row, i) -> new CountryTasks(row.getString(1), row.getLong(2), row.getLong(3)),
        Timestamp.from(clock.instant()));
    openTasks.register(tasks.stream().map(country -> MultiGauge.Row.of(Tags.of("country", country.code()),
        country.open())).toList(), true);
    overdueTasks.register(tasks.stream().map(country -> MultiGauge.Row.of(Tags.of("country", country.code()),
        country.overdue())).toList(), true);
    failedJobs.set(jdbc.queryForObject("select count(*) from act_ru_job where retries_ = 0", Long.class));
    incidents.set(jdbc.queryForObject("select count(*) from act_ru_incident", Long.class));
  }

  private record CountryTasks(String code, long open, long overdue) {
  }
}
