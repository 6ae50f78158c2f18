package org.ncs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ncs.testing.TestDatabase;

/**
 * Two nodes of the service, started from the built jar as deploy/ runs them, at the same moment on one empty
 * PostgreSQL database: both become healthy, and what a first start creates exists once: our tables and the
 * engine's (Flyway's lock), the models' deployment (the engine's deployment lock), the administrator, the role
 * groups and their grants and the Tasklist's filter (EngineBootstrap, under the same lock).
 *
 * <p>Only on PostgreSQL, in the PostgreSQL run: two processes cannot share an embedded H2 database.
 */
class ClusterStartIT {

  private static final Duration STARTUP = Duration.ofMinutes(4);

  private final List<Process> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    nodes.forEach(Process::destroyForcibly);
  }

  @Test
  void twoNodesStartedAtTheSameMomentOnAnEmptyDatabaseBothBecomeHealthyAndCreateEverythingOnce() throws Exception {
    String url = TestDatabase.newPostgresDatabase("two nodes starting together");
    int[] ports = {freePort(), freePort()};
    for (int port : ports) {
      nodes.add(start(url, port));
    }

    for (int i = 0; i < ports.length; i++) {
      assertThat(waitUntilHealthy(ports[i], nodes.get(i))).as("node on port %d is healthy", ports[i]).isTrue();
    }

    try (Connection db = DriverManager.getConnection(url, TestDatabase.postgresUsername(),
        TestDatabase.postgresPassword()); Statement sql = db.createStatement()) {
      // every migration once: the SQL files (common and PostgreSQL's own) and the engine's schema
      // (EngineSchemaMigration)
      long migrations = 1;
      for (String folder : new String[] {"db/migration", "db/vendor/postgresql"}) {
        try (var files = Files.list(Path.of("src/main/resources", folder))) {
          migrations += files.filter(file -> file.getFileName().toString().matches("V[\\d_]+__.*\\.sql")).count();
        }
      }
      assertThat(count(sql, "select count(*) from flyway_schema_history where success")).isEqualTo(migrations);
      assertThat(count(sql, "select count(*) from act_re_deployment where name_ = 'ncs-lifecycle'")).isEqualTo(1);
      assertThat(count(sql, "select count(*) from act_id_user where id_ = 'admin'")).isEqualTo(1);
      assertThat(count(sql, "select count(*) from act_ru_filter where name_ = 'All tasks'")).isEqualTo(1);
      assertThat(count(sql, "select count(*) from act_id_group where id_ in ('executive', 'lead-authority', "
          + "'steering-committee', 'drafting-team', 'stakeholder', 'me-body', 'itu-officer', 'wb-cofacilitator', "
          + "'camunda-admin')")).isEqualTo(9);
      assertThat(count(sql, "select count(*) from (select group_id_, resource_type_, resource_id_ "
          + "from act_ru_authorization group by group_id_, resource_type_, resource_id_ having count(*) > 1) twice"))
          .as("grants made twice").isZero();
    }
  }

  private Process start(String url, int port) throws IOException {
    Path log = Path.of("target", "cluster-start", "node-" + port + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder node = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
        "-jar", jar().toString(), "--server.port=" + port, "--spring.profiles.active=postgres")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    node.environment().put("SPRING_DATASOURCE_URL", url);
    node.environment().put("SPRING_DATASOURCE_USERNAME", TestDatabase.postgresUsername());
    node.environment().put("SPRING_DATASOURCE_PASSWORD", TestDatabase.postgresPassword());
    node.environment().put("NCS_DEMO_ENABLED", "false");
    return node.start();
  }

  private static boolean waitUntilHealthy(int port, Process node) throws InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline) && node.isAlive()) {
      try {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"")) {
          return true;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    return false;
  }

  /** The service's jar as the build packaged it (integration tests run after packaging). */
  private static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(file -> file.toString().endsWith(".jar") && !file.toString().endsWith("-plain.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("No jar in target/: package the service first"));
    }
  }

  private static long count(Statement sql, String query) throws SQLException {
    try (ResultSet result = sql.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
