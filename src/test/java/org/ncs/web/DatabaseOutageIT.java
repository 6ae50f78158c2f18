package org.ncs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.ncs.NcsApplication;
import org.ncs.testing.TcpProxy;
import org.ncs.testing.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database goes away under a running service (a restart, a network failure): requests answer 503 with
 * Retry-After as problem details, never a 500 or the container's error page; the service is not ready while it
 * lasts, but still live; and once the database is back, the service works again without a restart. The service
 * reaches its database through a proxy the test cuts; it is a service of its own, started for this test, on the
 * run's database (PostgreSQL) or on an H2 server (H2 cannot be reached over TCP otherwise).
 */
class DatabaseOutageIT {

  private static final Pattern POSTGRES = Pattern.compile("^jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*$");

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void whileTheDatabaseIsAwayRequestsAre503AndTheServiceRecoversByItself() throws Exception {
    Server h2 = TestDatabase.kind().equals("h2") ? Server.createTcpServer("-tcpPort", String.valueOf(freePort()),
        "-ifNotExists").start() : null;
    String url = System.getProperty("spring.datasource.url");
    Matcher postgres = POSTGRES.matcher(url);
    try (TcpProxy proxy = h2 != null ? new TcpProxy("127.0.0.1", h2.getPort())
        : postgres.matches() ? new TcpProxy(postgres.group(1), Integer.parseInt(postgres.group(2)))
        : null) {
      String throughProxy = h2 != null ? "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/mem:outage;DB_CLOSE_DELAY=-1"
          : "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + postgres.group(3);
      try (ConfigurableApplicationContext service = start(throughProxy)) {
        String base = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
        assertThat(get(base + "/api/engagements").statusCode()).isEqualTo(200);
        assertThat(get(base + "/actuator/health/readiness").statusCode()).isEqualTo(200);

        proxy.cut();

        for (HttpResponse<String> away : java.util.List.of(get(base + "/api/engagements"),
            post(base + "/api/engagements", "{\"country\":\"GHA\",\"title\":\"A strategy\","
                + "\"strategyEndDate\":\"2031-12-31\"}"))) {
          assertThat(away.statusCode()).as(away.body()).isEqualTo(503);
          assertThat(away.headers().firstValue("Content-Type")).hasValue("application/problem+json");
          assertThat(away.headers().firstValue("Retry-After")).hasValue("5");
          assertThat(away.body()).contains("try again").doesNotContain("Exception", "<html");
        }
        HttpResponse<String> page = client.send(authorized(base + "/").header("Accept", "text/html").GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
            assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("Please try again in a moment").doesNotContain("Exception");
        assertThat(get(base + "/actuator/health/readiness").statusCode()).isEqualTo(503);
        assertThat(get(base + "/actuator/health/liveness").statusCode()).isEqualTo(200);

        proxy.restore();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        int status = 0;
        while (status != 200 && Instant.now().isBefore(deadline)) {
          status = get(base + "/api/engagements").statusCode();
          Thread.sleep(status == 200 ? 0 : 500);
        }
        assertThat(status).as("recovered without a restart").isEqualTo(200);
        assertThat(get(base + "/actuator/health/readiness").statusCode()).isEqualTo(200);
      }
    } finally {
      if (h2 != null) {
        h2.stop();
      }
    }
  }

  /**
   * The service with our API, without the Camunda webapps and REST API: they register the engine with the
   * platform for the whole JVM, where the shared test service's engine must stay the default.
   */
  private static ConfigurableApplicationContext start(String datasourceUrl) {
    return new SpringApplicationBuilder(NcsApplication.class).run("--spring.profiles.active=test",
        "--server.port=0", "--camunda.bpm.process-engine-name=outage", "--spring.datasource.url=" + datasourceUrl,
        // fail fast while the database is away: the test waits for each request
        "--spring.datasource.hikari.connection-timeout=2000",
        "--spring.autoconfigure.exclude=" + CamundaBpmWebappAutoConfiguration.class.getName() + ","
            + CamundaBpmRestJerseyAutoConfiguration.class.getName());
  }

  private HttpResponse<String> get(String url) throws Exception {
    return client.send(authorized(url).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, String body) throws Exception {
    return client.send(authorized(url).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder authorized(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString(("admin:" + TestDatabase.ADMIN_PASSWORD)
            .getBytes(StandardCharsets.UTF_8)));
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
