package org.ncs.bench;

import static org.ncs.bench.Measures.percentile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.ncs.NcsApplication;
import org.ncs.engagement.EngagementRequests.NewEngagement;
import org.ncs.engagement.Engagements;
import org.ncs.lifecycle.LifecyclePlan;
import org.ncs.lifecycle.Lifecycles;
import org.ncs.security.CurrentUsers;
import org.ncs.security.Roles;
import org.ncs.testing.SqlStatements;
import org.ncs.testing.TestDatabase;
import org.ncs.testing.TestUsers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Speed of our API against the engine's own REST API, measured in the same run on PostgreSQL: the inbox against
 * {@code /engine-rest/task}, the engagement list, and completions per second against completing through
 * {@code /engine-rest}, with 10 and with 1,000 engagements in the database. Requests alternate between our API and
 * the baseline so that both see the same machine. Prints latencies (p50, p95), their ratio to the baseline, and
 * the SQL statements each request costs. Not a test: run it on its own (see the README), never inside the build.
 *
 * <p>{@code /engine-rest} is open to administrators only, so the baseline is an administrator's: the engine skips
 * its authorization and tenant checks for them, which makes the baseline cheaper than the same user's view would be.
 */
public final class ApiBenchmark {

  static final int WARM_UP = 50;
  static final int ROUNDS = 300;
  static final int COMPLETIONS = 120;
  /** The user's countries; the other engagements go to every other country. */
  private static final List<String> USERS_COUNTRIES = List.of("GHA", "KEN", "SEN", "JOR", "TUN", "FJI", "PER",
      "CHL", "VNM", "IDN");

  private final HttpClient client = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    System.setProperty(TestDatabase.PROPERTY, "postgres");
    ApiBenchmark benchmark = new ApiBenchmark();
    for (int engagements : new int[] {10, 1000}) {
      benchmark.run(engagements);
    }
    System.exit(0);
  }

  private void run(int engagements) throws Exception {
    String url = TestDatabase.newPostgresDatabase("the benchmark with " + engagements + " engagements");
    try (ConfigurableApplicationContext service = new SpringApplicationBuilder(NcsApplication.class,
        SqlStatements.class).run("--server.port=0", "--spring.profiles.active=test",
        "--spring.main.banner-mode=off", "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + TestDatabase.postgresUsername(),
        "--spring.datasource.password=" + TestDatabase.postgresPassword(), "--logging.level.root=WARN")) {
      String base = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
      String user = seed(service, engagements);
      String admin = TestUsers.create(service.getBean(ProcessEngine.class), "admin", List.of(Roles.ADMIN), List.of());
      System.out.printf("%n== %d engagements on PostgreSQL; the user works in %d countries%n", engagements,
          USERS_COUNTRIES.size());

      Map<String, String> requests = new LinkedHashMap<>();
      requests.put("GET /engine-rest/task?maxResults=20 (baseline)", "/engine-rest/task?maxResults=20");
      requests.put("GET /api/tasks?size=20", "/api/tasks?size=20");
      requests.put("GET /api/engagements?size=20", "/api/engagements?size=20");
      Map<String, List<Long>> times = new LinkedHashMap<>();
      requests.keySet().forEach(name -> times.put(name, new ArrayList<>()));
      for (int round = 0; round < WARM_UP + ROUNDS; round++) {
        for (Map.Entry<String, String> request : requests.entrySet()) {
          String as = request.getValue().startsWith("/engine-rest") ? admin : user;
          long took = time(() -> get(base + request.getValue(), as));
          if (round >= WARM_UP) {
            times.get(request.getKey()).add(took);
          }
        }
      }
      double baseline = percentile(times.values().iterator().next(), 95);
      times.forEach((name, samples) -> {
        String as = requests.get(name).startsWith("/engine-rest") ? admin : user;
        long statements = SqlStatements.count(() -> get(base + requests.get(name), as)).statements();
        System.out.printf("%-50s p50 %6.1f ms  p95 %6.1f ms  (p95 %.2fx baseline)  %3d SQL statements%n", name,
            percentile(samples, 50), percentile(samples, 95), percentile(samples, 95) / baseline, statements);
      });

      // warm-up for both, then each measured twice, in both orders, and the rates added up
      completionsPerSecond(service, base, admin, 4, true);
      completionsPerSecond(service, base, user, 4, false);
      for (int clients : new int[] {1, 4}) {
        double engine = completionsPerSecond(service, base, admin, clients, true);
        double ours = completionsPerSecond(service, base, user, clients, false);
        ours += completionsPerSecond(service, base, user, clients, false);
        engine += completionsPerSecond(service, base, admin, clients, true);
        System.out.printf("completions, %d client(s): /engine-rest %6.1f/s, /api %6.1f/s (%.2fx)%n", clients,
            engine / 2, ours / 2, ours / engine);
      }
    }
  }

  /**
   * The engagements (one active per country, the others closed as past cycles are) and a user who is the
   * executive of the first ten: each of those has its first task waiting for them. Engagements give a ministry
   * role for one country only, so the identity store gives this user the group and the ten countries directly.
   */
  private static String seed(ConfigurableApplicationContext service, int engagements) {
    ProcessEngine engine = service.getBean(ProcessEngine.class);
    Engagements all = service.getBean(Engagements.class);
    CurrentUsers users = service.getBean(CurrentUsers.class);
    JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
    String officer = TestUsers.create(engine, "itu", List.of("itu-officer"), List.of());
    String user = TestUsers.create(engine, "executive", List.of("executive"), USERS_COUNTRIES);
    List<String> others = jdbc.queryForList("select code from country order by code", String.class).stream()
        .filter(code -> !USERS_COUNTRIES.contains(code)).toList();
    for (int i = 0; i < engagements; i++) {
      boolean forTheUser = i < USERS_COUNTRIES.size();
      int other = i - USERS_COUNTRIES.size();
      String country = forTheUser ? USERS_COUNTRIES.get(i) : others.get(other % others.size());
      String id = all.create(new NewEngagement(country, "Strategy " + i, List.of("World Bank"),
          LocalDate.now().plusYears(5), null, null, null, null), users.of(officer), Locale.ENGLISH).engagement().id();
      if (!forTheUser && i + others.size() < engagements) {
        // a past cycle: closed, so that the country can have another engagement
        jdbc.update("update engagement set status = 'CLOSED', active_slot = null where id = ?", id);
      }
    }
    return user;
  }

  /** Completes first tasks of new lifecycles in the user's countries, through the engine or through our API. */
  private double completionsPerSecond(ConfigurableApplicationContext service, String base, String user, int clients,
      boolean throughEngine) throws Exception {
    ProcessEngine engine = service.getBean(ProcessEngine.class);
    Lifecycles lifecycles = service.getBean(Lifecycles.class);
    ConcurrentLinkedQueue<String> open = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < COMPLETIONS; i++) {
      String country = USERS_COUNTRIES.get(i % USERS_COUNTRIES.size());
      String key = "bench-" + System.nanoTime();
      lifecycles.start(key, country, LifecyclePlan.endingOn(LocalDate.now().plusYears(5)), List.of("ITU"));
      open.add(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).singleResult().getId());
    }
    String answers = throughEngine
        ? "{\"variables\":{\"leadAuthorityName\":{\"value\":\"National Cyber Agency\"},"
            + "\"mandateReference\":{\"value\":\"Decree 2027-3\"}}}"
        : "{\"variables\":{\"leadAuthorityName\":\"National Cyber Agency\",\"mandateReference\":\"Decree 2027-3\"}}";
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    for (int c = 0; c < clients; c++) {
      pool.submit(() -> {
        for (String task = open.poll(); task != null; task = open.poll()) {
          String path = throughEngine ? "/engine-rest/task/" + task + "/complete" : "/api/tasks/" + task + "/complete";
          int status = post(base + path, user, answers);
          if (status != 204) {
            failures.add(new IllegalStateException(path + " answered " + status));
          }
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!failures.isEmpty()) {
      throw new IllegalStateException(failures.size() + " completions failed", failures.get(0));
    }
    return COMPLETIONS / seconds;
  }

  private int get(String url, String user) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user)).GET().build());
  }

  private int post(String url, String user, String body) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private int send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 400) {
        throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + " " + response.body());
      }
      return response.statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
  }

  private static long time(Supplier<?> request) {
    long start = System.nanoTime();
    request.get();
    return System.nanoTime() - start;
  }
}
