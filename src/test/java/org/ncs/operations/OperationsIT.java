package org.ncs.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.ncs.testing.Api;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.TestCountries;
import org.ncs.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** What an operator scrapes and reads: the metrics (administrators only), request ids, security headers. */
@IntegrationTest
class OperationsIT {

  @Autowired
  TestRestTemplate http;

  @Autowired
  ObjectMapper json;

  @Autowired
  ProcessEngine engine;

  @Autowired
  MeterRegistry meters;

  @Autowired
  WorkGauges work;

  @Test
  void thePrometheusMetricsAreForAdministratorsOnly() {
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
    String team = TestUsers.create(engine, "team", List.of("drafting-team"), List.of(TestCountries.next()));
    assertThat(http.withBasicAuth(team, TestUsers.PASSWORD).getForEntity("/actuator/prometheus", String.class)
        .getStatusCode().value()).isEqualTo(403);

    String admin = TestUsers.create(engine, "admin", List.of("camunda-admin"), List.of());
    ResponseEntity<String> scrape = http.withBasicAuth(admin, TestUsers.PASSWORD)
        .getForEntity("/actuator/prometheus", String.class);

    assertThat(scrape.getStatusCode().value()).isEqualTo(200);
    assertThat(scrape.getBody()).contains("http_server_requests_seconds_bucket{", "ncs_jobs_acquisition_attempts_total",
        "ncs_jobs_executed_total{", "ncs_tasks_completed_total", "ncs_jobs_failed", "ncs_incidents_open",
        "hikaricp_connections_active", "jvm_memory_used_bytes");
  }

  @Test
  void everyMetricTheDashboardShowsIsExported() throws Exception {
    Api officer = new Api(http, json, TestUsers.create(engine, "itu", List.of("itu-officer"), List.of()));
    assertThat(officer.post("/api/engagements", Map.of("country", TestCountries.next(), "title", "A strategy",
        "strategyEndDate", "2031-12-31")).status()).isEqualTo(201);
    work.refresh();
    String admin = TestUsers.create(engine, "admin", List.of("camunda-admin"), List.of());
    String scrape = http.withBasicAuth(admin, TestUsers.PASSWORD).getForObject("/actuator/prometheus",
        String.class);

    Set<String> queried = new TreeSet<>();
    for (JsonNode panel : json.readTree(Path.of("deploy/grafana/ncs-lifecycle.json").toFile()).path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        Matcher name = METRIC.matcher(target.path("expr").asText());
        while (name.find()) {
          queried.add(name.group());
        }
      }
    }
    queried.removeAll(PROMQL_FUNCTIONS);

    assertThat(queried).hasSizeGreaterThan(10).allSatisfy(metric ->
        assertThat(scrape).as(metric).containsPattern("(?m)^" + metric + "[{ ]"));
  }

  private static final Pattern METRIC = Pattern.compile("\\b[a-z][a-z0-9]*(_[a-z0-9]+)+\\b");
  private static final Set<String> PROMQL_FUNCTIONS = Set.of("histogram_quantile", "label_values");

  @Test
  void aCompletedTaskIsCountedAndTheWorkWaitingIsCountedPerCountry() {
    String country = TestCountries.next();
    Api officer = new Api(http, json, TestUsers.create(engine, "itu", List.of("itu-officer"), List.of()));
    String id = officer.post("/api/engagements", Map.of("country", country, "title", "A strategy",
        "strategyEndDate", "2031-12-31")).body().path("engagement").path("id").asText();
    String executive = TestUsers.create(engine, "executive", List.of(), List.of());
    assertThat(officer.post("/api/engagements/" + id + "/members", Map.of("userId", executive, "role",
        "executive")).status()).isEqualTo(201);
    String taskId = officer.get("/api/engagements/" + id).body().path("openTasks").get(0).path("id").asText();
    double completed = meters.counter("ncs.tasks.completed").count();

    assertThat(new Api(http, json, executive).post("/api/tasks/" + taskId + "/complete", Map.of("variables",
        Map.of("leadAuthorityName", "National Cyber Agency", "mandateReference", "Decree 2027-3"))).status())
        .isEqualTo(204);

    assertThat(meters.counter("ncs.tasks.completed").count()).isEqualTo(completed + 1);
    Task next = engine.getTaskService().createTaskQuery().tenantIdIn(country).singleResult();
    next.setDueDate(Date.from(Instant.now().minusSeconds(60)));
    engine.getTaskService().saveTask(next);
    work.refresh();
    assertThat(meters.get("ncs.tasks.open").tag("country", country).gauge().value()).isEqualTo(1);
    assertThat(meters.get("ncs.tasks.overdue").tag("country", country).gauge().value()).isEqualTo(1);
  }

  @Test
  void everyAnswerNamesItsRequestAndAProxysIdIsKeptOnlyWhenItLooksLikeOne() {
    String own = http.getForEntity("/actuator/health", String.class).getHeaders().getFirst("X-Request-Id");
    assertThat(own).matches("[0-9a-f-]{36}");

    assertThat(requestId("proxy-4f2a9c01")).isEqualTo("proxy-4f2a9c01");
    assertThat(requestId("forged id\" level=ERROR")).matches("[0-9a-f-]{36}");
  }

  @Test
  void behindATlsProxyBrowsersAreToldToKeepToHttps() {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Forwarded-Proto", "https");
    HttpHeaders answer = http.exchange("/login", HttpMethod.GET, new HttpEntity<>(headers), String.class)
        .getHeaders();

    assertThat(answer.getFirst("Strict-Transport-Security")).contains("max-age=");
    assertThat(answer.getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
    assertThat(http.getForEntity("/login", String.class).getHeaders().getFirst("Strict-Transport-Security"))
        .as("not over plain HTTP").isNull();
  }

  private String requestId(String given) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Request-Id", given);
    return http.exchange("/actuator/health", HttpMethod.GET, new HttpEntity<>(headers), String.class).getHeaders()
        .getFirst("X-Request-Id");
  }
}
