package org.ncs.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A node of the service started from the jar the build packaged, on a PostgreSQL database of the test server, with
 * the settings deploy/ gives its nodes (profile {@code postgres}, the database and the administrator's password from
 * the environment), its output in a log file.
 */
public final class JarNode {

  private final Process process;
  private final int port;
  private final Path log;
  private final long startedAt = System.nanoTime();

  private JarNode(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts a node; {@code environment} adds to or overrides deploy/'s settings. */
  public static JarNode start(String database, Path log, Map<String, String> environment) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder node = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
        "-jar", jar().toString(), "--server.port=" + port).redirectErrorStream(true).redirectOutput(log.toFile());
    node.environment().put("SPRING_PROFILES_ACTIVE", "postgres");
    node.environment().put("SPRING_DATASOURCE_URL", database);
    node.environment().put("SPRING_DATASOURCE_USERNAME", TestDatabase.postgresUsername());
    node.environment().put("SPRING_DATASOURCE_PASSWORD", TestDatabase.postgresPassword());
    node.environment().put("NCS_ADMIN_PASSWORD", TestDatabase.ADMIN_PASSWORD);
    node.environment().putAll(environment);
    return new JarNode(node.start(), port, log);
  }

  /**
   * Waits until the node reports ready (its readiness probe answers 200): how long it took since the start, or
   * nothing if it died or the limit passed first.
   */
  public Duration awaitReady(Duration limit) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = startedAt + limit.toNanos();
    while (process.isAlive() && System.nanoTime() < deadline) {
      try {
        if (http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).timeout(Duration.ofSeconds(5))
            .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - startedAt);
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    return null;
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  public Process process() {
    return process;
  }

  public Path log() {
    return log;
  }

  /** Asks the node to stop (SIGTERM) and waits until it has. */
  public void stop() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  /** The service's jar as the build packaged it (integration tests run after packaging). */
  private static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(file -> file.toString().endsWith(".jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("No jar in target/: package the service first"));
    }
  }
}
