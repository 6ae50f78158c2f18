package org.ncs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.ncs.testing.JarNode;
import org.ncs.testing.TestCountries;
import org.ncs.testing.TestDatabase;

/**
 * Two nodes of the service, started from the built jar as deploy/ runs them, at the same moment on one empty
 * PostgreSQL database, then worked through both as a load balancer would: what one node does the other sees at
 * once, a task completed through both at the same moment is completed once, due timers fire once, a sign-in
 * made on one node holds on the other, and a node killed in the middle of work loses nothing it acknowledged
 * while the other takes over its jobs. Last, the database is backed up and restored with deploy/'s scripts, and a
 * node starts on the copy.
 *
 * <p>Only on PostgreSQL, in the PostgreSQL run: two processes cannot share an embedded H2 database. The nodes
 * run with a short job lock (15 s instead of 5 minutes) and acquisition pause, so that the test need not wait as
 * long as production would; everything else is as deploy/ sets it.
 */
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ClusterIT {

  private static final Duration STARTUP = Duration.ofMinutes(4);
  private static final String ADMIN = "admin";
  private static final String PASSWORD = "a-long-test-password";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Process> processes = new ArrayList<>();
  private String url;
  private Node a;
  private Node b;
  /** A browser signed into our pages on node A (test 2), whose session outlives A (test 5). */
  private final CookieManager browser = new CookieManager();

  @BeforeAll
  void startTwoNodesTogether() throws Exception {
    url = TestDatabase.newPostgresDatabase("a cluster of two nodes");
    a = start(url, "a");
    b = start(url, "b");
  }

  @AfterAll
  void stopNodes() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  @Order(1)
  void bothNodesBecomeReadyAndWhatAFirstStartCreatesExistsOnce() throws Exception {
    assertThat(a.waitUntilReady()).as("node a is ready").isTrue();
    assertThat(b.waitUntilReady()).as("node b is ready").isTrue();

    try (Connection db = database(url); Statement sql = db.createStatement()) {
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

  @Test
  @Order(2)
  void aSignInOnOneNodeHoldsOnTheOther() throws Exception {
    String executive = user("executive");
    HttpClient pages = HttpClient.newBuilder().cookieHandler(browser).build();
    String loginPage = pages.send(HttpRequest.newBuilder(a.uri("/login")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
    assertThat(csrf.find()).as("the sign-in form's CSRF token").isTrue();

    HttpResponse<String> signIn = pages.send(HttpRequest.newBuilder(a.uri("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Request-Id", "cluster-sign-in-0001")
        .POST(form(Map.of("username", executive, "password", PASSWORD, "_csrf", csrf.group(1)))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(signIn.statusCode()).isEqualTo(302);
    assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

    HttpResponse<String> onB = pages.send(HttpRequest.newBuilder(b.uri("/api/tasks"))
        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(onB.statusCode()).as("node b knows the session node a made").isEqualTo(200);

    // the Camunda webapps' own sign-in, made on b, holds on a
    CookieManager webapp = new CookieManager();
    HttpClient admin = HttpClient.newBuilder().cookieHandler(webapp).build();
    admin.send(HttpRequest.newBuilder(b.uri("/camunda/app/cockpit/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String token = webapp.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    assertThat(admin.send(HttpRequest.newBuilder(b.uri("/camunda/api/admin/auth/user/default/login/cockpit"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(form(Map.of("username", ADMIN, "password", TestDatabase.ADMIN_PASSWORD))).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    HttpResponse<String> whoOnA = admin.send(HttpRequest.newBuilder(a.uri("/camunda/api/admin/auth/user/default"))
        .header("X-XSRF-TOKEN", token).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(whoOnA.statusCode()).isEqualTo(200);
    assertThat(whoOnA.body()).contains("\"userId\":\"admin\"");

    // the node's log is one JSON object per line, with the request's id on the lines of that request
    List<String> lines = Files.readAllLines(a.log);
    assertThat(lines).hasSizeGreaterThan(20);
    List<JsonNode> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      try {
        entries.add(JSON.readTree(lines.get(i)));
      } catch (IOException e) {
        // only the last line may be unfinished: the node may be writing it
        assertThat(i).as("line %d is not JSON: %s", i, lines.get(i)).isEqualTo(lines.size() - 1);
      }
    }
    assertThat(entries).anySatisfy(line -> {
      assertThat(line.path("message").asText()).isEqualTo(executive + " signed in");
      assertThat(line.path("requestId").asText()).isEqualTo("cluster-sign-in-0001");
      assertThat(line.path("service").path("node").path("name").asText()).isEqualTo("node-a");
    });
  }

  @Test
  @Order(3)
  void aTaskCompletedThroughBothNodesAtTheSameMomentIsCompletedOnceAndSeenByBoth() throws Exception {
    Engagement engagement = engagement();
    String taskId = engagement.openTask(b);

    List<Integer> statuses = atTheSameMoment(List.of(a, b), node -> node.completeFirstTask(engagement, taskId));

    assertThat(statuses).containsExactly(204, 409);
    for (Node node : List.of(a, b)) {
      JsonNode tasks = node.get(ADMIN, TestDatabase.ADMIN_PASSWORD, "/api/engagements/" + engagement.id)
          .path("openTasks");
      assertThat(tasks).hasSize(1);
      assertThat(tasks.get(0).path("activityId").asText()).isEqualTo("Task_EstablishSteeringCommittee");
    }
    try (Connection db = database(url); Statement sql = db.createStatement()) {
      assertThat(count(sql, "select count(*) from task_outcome where task_id = '" + taskId + "'")).isEqualTo(1);
      assertThat(count(sql, "select count(*) from audit_event where engagement_id = '" + engagement.id
          + "' and action = 'TASK_COMPLETED'")).isEqualTo(1);
    }
  }

  @Test
  @Order(4)
  void dueTimersFireOnceAcrossTheNodes() throws Exception {
    List<Engagement> engagements = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      engagements.add(engagement());
    }
    String tenants = tenants(engagements);
    try (Connection db = database(url); Statement sql = db.createStatement()) {
      // the first task's due reminder and its escalation, both due now
      assertThat(sql.executeUpdate("update act_ru_job set duedate_ = now() - interval '1 second' where type_ = "
          + "'timer' and tenant_id_ in (" + tenants + ")")).isEqualTo(12);

      assertThat(eventually(Duration.ofMinutes(2), () -> count(sql, "select count(*) from act_ru_job where "
          + "type_ = 'timer' and duedate_ < now() and tenant_id_ in (" + tenants + ")") == 0))
          .as("the nodes' job executors ran the timers").isTrue();

      assertThat(count(sql, "select count(*) from notification where kind = 'REMINDER' and tenant_id in ("
          + tenants + ")")).as("a reminder for each first task").isGreaterThanOrEqualTo(6);
      assertThat(count(sql, "select count(*) from (select task_id, kind, recipient_user, recipient_group from "
          + "notification where tenant_id in (" + tenants + ") group by task_id, kind, recipient_user, "
          + "recipient_group having count(*) > 1) twice")).as("notifications made twice").isZero();
      assertThat(count(sql, "select count(*) from act_ru_task where task_def_key_ = "
          + "'Task_FollowUpIdentifyLeadAuthority' and tenant_id_ in (" + tenants + ")"))
          .as("one follow-up per escalated task").isEqualTo(6);
    }
    String executed = "ncs_jobs_executed_total";
    String success = "outcome=\"success\"";
    assertThat(a.metric(executed, success) + b.metric(executed, success)).as("jobs run, as the nodes count them")
        .isGreaterThanOrEqualTo(12);
  }

  @Test
  @Order(5)
  void aNodeKilledMidWorkLosesNothingItAcknowledgedAndTheOtherTakesOverItsJobs() throws Exception {
    List<Engagement> working = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      working.add(engagement());
    }
    List<Engagement> withJobs = List.of(engagement(), engagement());
    String tenants = tenants(withJobs);
    try (Connection db = database(url); Statement sql = db.createStatement()) {
      // the due timers of two engagements as a node holds them while it runs them: locked (by an owner that will
      // be gone: the test sets the lock, the engine's lock owner of node a being random), due, not yet run
      assertThat(sql.executeUpdate("update act_ru_job set duedate_ = now() - interval '1 second', "
          + "lock_owner_ = 'node-a', lock_exp_time_ = now() + interval '15 seconds' where type_ = 'timer' "
          + "and tenant_id_ in (" + tenants + ")")).isEqualTo(4);
    }
    List<String> taskIds = new ArrayList<>();
    for (Engagement engagement : working) {
      taskIds.add(engagement.openTask(b));
    }

    List<CompletableFuture<Integer>> completions = new ArrayList<>();
    for (int i = 0; i < working.size(); i++) {
      Engagement engagement = working.get(i);
      String taskId = taskIds.get(i);
      completions.add(CompletableFuture.supplyAsync(() -> a.completeFirstTask(engagement, taskId)));
    }
    completions.get(0).join();
    a.process.destroyForcibly().waitFor();

    try (Connection db = database(url); Statement sql = db.createStatement()) {
      assertThat(count(sql, "select count(*) from act_ru_job where lock_owner_ = 'node-a' and tenant_id_ in ("
          + tenants + ")")).as("node b leaves locked jobs alone until their lock expires").isEqualTo(4);
      for (int i = 0; i < working.size(); i++) {
        int status = completions.get(i).join();
        long done = count(sql, "select count(*) from act_hi_taskinst where id_ = '" + taskIds.get(i)
            + "' and end_time_ is not null");
        long next = count(sql, "select count(*) from act_ru_task where task_def_key_ = "
            + "'Task_EstablishSteeringCommittee' and tenant_id_ = '" + working.get(i).country + "'");
        if (status == 204) {
          assertThat(done).as("an acknowledged completion is kept").isEqualTo(1);
        }
        assertThat(next).as("the next task exists exactly when the task was completed").isEqualTo(done);
      }
      assertThat(eventually(Duration.ofMinutes(2), () -> count(sql, "select count(*) from act_ru_job where "
          + "type_ = 'timer' and duedate_ < now() and tenant_id_ in (" + tenants + ")") == 0))
          .as("node b ran node a's jobs once their lock expired").isTrue();
      assertThat(count(sql, "select count(*) from act_ru_task where task_def_key_ = "
          + "'Task_FollowUpIdentifyLeadAuthority' and tenant_id_ in (" + tenants + ")")).isEqualTo(2);
    }
    HttpClient pages = HttpClient.newBuilder().cookieHandler(browser).build();
    assertThat(pages.send(HttpRequest.newBuilder(b.uri("/api/tasks")).header("Accept", "application/json")
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode())
        .as("the sign-in made on node a outlives it").isEqualTo(200);
  }

  @Test
  @Order(6)
  void aBackupRestoredIntoAFreshDatabaseStartsAsItWas() throws Exception {
    Engagement engagement = engagement();
    // an administrator who went back to the documented password: a node given one of its own replaces it
    b.put(ADMIN, TestDatabase.ADMIN_PASSWORD, "/engine-rest/user/admin/credentials", Map.of("password", "admin",
        "authenticatedUserPassword", TestDatabase.ADMIN_PASSWORD));
    Path backups = Files.createDirectories(Path.of("target", "cluster", "backup-" + System.currentTimeMillis()));
    String copy = TestDatabase.newPostgresDatabase("a restored backup");

    run(Path.of("deploy", "backup.sh").toString(), backups.toString(), url);
    Path dump;
    try (Stream<Path> files = Files.list(backups)) {
      dump = files.filter(file -> file.toString().endsWith(".dump")).findFirst().orElseThrow();
    }
    run(Path.of("deploy", "restore.sh").toString(), dump.toString(), copy);
    Node restored = start(copy, "restored");

    assertThat(restored.waitUntilReady()).as("a node on the restored database is ready").isTrue();
    JsonNode detail = restored.get(ADMIN, TestDatabase.ADMIN_PASSWORD, "/api/engagements/" + engagement.id);
    assertThat(detail.path("engagement").path("country").path("code").asText()).isEqualTo(engagement.country);
    assertThat(detail.path("openTasks").get(0).path("activityId").asText())
        .isEqualTo("Task_IdentifyLeadAuthority");
    // last: a refused password locks the account for a moment
    assertThat(restored.send(ADMIN, "admin", "/api/engagements", Map.of()).statusCode())
        .as("the documented password no longer works").isEqualTo(401);
  }

  // --- the nodes

  private Node start(String database, String name) throws IOException {
    JarNode node = JarNode.start(database, Path.of("target", "cluster", "node-" + name + ".log"), Map.of(
        "HOSTNAME", "node-" + name,
        // shorter than in production, so that the test waits less
        "CAMUNDA_BPM_JOBEXECUTION_LOCKTIMEINMILLIS", "15000",
        "CAMUNDA_BPM_JOBEXECUTION_MAXWAIT", "2000"));
    processes.add(node.process());
    return new Node(node);
  }

  private final class Node {

    final JarNode node;
    final Process process;
    final Path log;

    Node(JarNode node) {
      this.node = node;
      this.process = node.process();
      this.log = node.log();
    }

    URI uri(String path) {
      return node.uri(path);
    }

    boolean waitUntilReady() throws InterruptedException {
      return node.awaitReady(STARTUP) != null;
    }

    JsonNode get(String user, String password, String path) throws IOException, InterruptedException {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).header("Accept",
          "application/json").header("Authorization", basic(user, password)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
      return JSON.readTree(response.body());
    }

    JsonNode post(String user, String password, String path, Object body) throws IOException, InterruptedException {
      HttpResponse<String> response = send(user, password, path, body);
      assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isBetween(200, 204);
      return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    HttpResponse<String> send(String user, String password, String path, Object body)
        throws IOException, InterruptedException {
      return send("POST", user, password, path, body);
    }

    void put(String user, String password, String path, Object body) throws IOException, InterruptedException {
      HttpResponse<String> response = send("PUT", user, password, path, body);
      assertThat(response.statusCode()).as("PUT %s: %s", path, response.body()).isBetween(200, 204);
    }

    private HttpResponse<String> send(String method, String user, String password, String path, Object body)
        throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
          .header("Content-Type", "application/json").header("Authorization", basic(user, password))
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** The status of completing the first task of an engagement as its executive; 0 if the node did not answer. */
    int completeFirstTask(Engagement engagement, String taskId) {
      try {
        return send(engagement.executive, PASSWORD, "/api/tasks/" + taskId + "/complete", Map.of("variables",
            Map.of("leadAuthorityName", "National Cyber Agency", "mandateReference", "Decree 2027-3")))
            .statusCode();
      } catch (IOException e) {
        return 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 0;
      }
    }

    /** The sum of a Prometheus metric's series on this node that have this label. */
    double metric(String name, String label) throws IOException, InterruptedException {
      HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
          .header("Authorization", basic(ADMIN, TestDatabase.ADMIN_PASSWORD)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(scrape.statusCode()).isEqualTo(200);
      return scrape.body().lines().filter(line -> line.startsWith(name + "{") && line.contains(label))
          .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
  }

  // --- what the tests work on, made through node b

  private record Engagement(String id, String country, String executive) {

    String openTask(Node node) throws IOException, InterruptedException {
      return node.get(ADMIN, TestDatabase.ADMIN_PASSWORD, "/api/engagements/" + id).path("openTasks").get(0)
          .path("id").asText();
    }
  }

  private Engagement engagement() throws IOException, InterruptedException {
    String country = TestCountries.next();
    String id = b.post(ADMIN, TestDatabase.ADMIN_PASSWORD, "/api/engagements", Map.of("country", country,
        "title", "A strategy for " + country, "strategyEndDate", "2031-12-31")).path("engagement").path("id")
        .asText();
    String executive = user("executive");
    b.post(ADMIN, TestDatabase.ADMIN_PASSWORD, "/api/engagements/" + id + "/members", Map.of("userId", executive,
        "role", "executive"));
    return new Engagement(id, country, executive);
  }

  /** A user made through the engine's REST API, as an administrator does. */
  private String user(String prefix) throws IOException, InterruptedException {
    String id = prefix + "-" + Long.toHexString(System.nanoTime());
    b.post(ADMIN, TestDatabase.ADMIN_PASSWORD, "/engine-rest/user/create", Map.of(
        "profile", Map.of("id", id, "firstName", prefix, "lastName", "Tester", "email", id + "@example.org"),
        "credentials", Map.of("password", PASSWORD)));
    return id;
  }

  private static String tenants(List<Engagement> engagements) {
    return String.join(", ", engagements.stream().map(engagement -> "'" + engagement.country + "'").toList());
  }

  // --- helpers

  private interface Check {
    boolean holds() throws Exception;
  }

  private static boolean eventually(Duration limit, Check check) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (check.holds()) {
          return true;
        }
      } catch (Exception e) {
        // not yet: a node not listening, a query that will succeed later
      }
      Thread.sleep(500);
    }
    return false;
  }

  private interface Request {
    int send(Node node);
  }

  /** Each node is sent the request at the same moment; the statuses, lowest first. */
  private static List<Integer> atTheSameMoment(List<Node> nodes, Request request) {
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Integer>> attempts = nodes.stream().map(node -> CompletableFuture.supplyAsync(() -> {
      try {
        start.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return request.send(node);
    })).toList();
    start.countDown();
    return attempts.stream().map(CompletableFuture::join).sorted().toList();
  }

  /** Runs one of deploy/'s scripts against a database of the test server, as an operator would. */
  private static void run(String script, String argument, String database) throws Exception {
    Matcher jdbc = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*").matcher(database);
    assertThat(jdbc.matches()).isTrue();
    ProcessBuilder command = new ProcessBuilder("bash", script, argument).redirectErrorStream(true);
    command.environment().put("PGHOST", jdbc.group(1));
    command.environment().put("PGPORT", jdbc.group(2) == null ? "5432" : jdbc.group(2));
    command.environment().put("PGDATABASE", jdbc.group(3));
    command.environment().put("PGUSER", TestDatabase.postgresUsername());
    command.environment().put("PGPASSWORD", TestDatabase.postgresPassword());
    Process process = command.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("%s: %s", script, output).isZero();
  }

  private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
    return HttpRequest.BodyPublishers.ofString(String.join("&", fields.entrySet().stream()
        .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .toList()));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static Connection database(String url) throws SQLException {
    return DriverManager.getConnection(url, TestDatabase.postgresUsername(), TestDatabase.postgresPassword());
  }

  private static long count(Statement sql, String query) throws SQLException {
    try (ResultSet result = sql.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }
}
