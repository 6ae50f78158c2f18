package org.ncs.bench;

import static org.ncs.bench.Measures.percentile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.ncs.NcsApplication;
import org.ncs.engagement.EngagementRequests.NewEngagement;
import org.ncs.engagement.Engagements;
import org.ncs.lifecycle.LifecyclePlan;
import org.ncs.lifecycle.Lifecycles;
import org.ncs.security.CurrentUsers;
import org.ncs.security.Roles;
import org.ncs.testing.JarNode;
import org.ncs.testing.SqlStatements;
import org.ncs.testing.TestDatabase;
import org.ncs.testing.TestUsers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Speed of our API against the engine's, measured in the same run on PostgreSQL, one line per figure with its
 * baseline:
 *
 * <ul>
 *   <li>reads (the inbox, the engagement list, an engagement) against {@code GET /engine-rest/task}, p50 and p95,
 *       with 10, 100 and 1,000 engagements in the database, and how each grows from 10 to 1,000;</li>
 *   <li>task completions per second with 1 and 4 clients through our API, through {@code /engine-rest}, and through
 *       the engine's Java API in-process on the same database (the floor);</li>
 *   <li>the SQL statements each request costs;</li>
 *   <li>the built jar's cold start to readiness and its heap after a full GC, on an empty database and on the one
 *       with 1,000 engagements.</li>
 * </ul>
 *
 * <p>Requests alternate between our API and the baseline so that both see the same machine. Not a test: run it on
 * its own (see the README), never inside the build. {@code /engine-rest} is open to administrators only, so the
 * baseline is an administrator's: the engine skips its authorization and tenant checks for them, which makes the
 * baseline cheaper than the same user's view would be.
 */
public final class ApiBenchmark {

  static final int WARM_UP = 50;
  static final int ROUNDS = 300;
  static final int COMPLETIONS = 120;
  private static final int[] SIZES = {10, 100, 1000};
  /** The user's countries; the other engagements go to every other country. */
  private static final List<String> USERS_COUNTRIES = List.of("GHA", "KEN", "SEN", "JOR", "TUN", "FJI", "PER",
      "CHL", "VNM", "IDN");
  private static final String BASELINE = "GET /engine-rest/task?maxResults=20";

  private final HttpClient client = HttpClient.newHttpClient();
  /** p95 of each read at each size, for the growth from the smallest to the largest. */
  private final Map<String, Map<Integer, Double>> p95s = new LinkedHashMap<>();
  private String loadedDatabase;
  private String loadedUser;

  public static void main(String[] args) throws Exception {
    System.setProperty(TestDatabase.PROPERTY, "postgres");
    ApiBenchmark benchmark = new ApiBenchmark();
    System.out.printf("machine: %d cores, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), System.getProperty("os.name"));
    // a first round on the smallest database, not reported, so that the JIT does not make it look slower
    benchmark.run(SIZES[0], false);
    for (int engagements : SIZES) {
      benchmark.run(engagements, true);
    }
    benchmark.growth();
    benchmark.coldStarts();
    System.exit(0);
  }

  private void run(int engagements, boolean report) throws Exception {
    String url = TestDatabase.newPostgresDatabase("the benchmark with " + engagements + " engagements");
    try (ConfigurableApplicationContext service = new SpringApplicationBuilder(NcsApplication.class,
        SqlStatements.class).run("--server.port=0", "--spring.profiles.active=test",
        "--spring.main.banner-mode=off", "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + TestDatabase.postgresUsername(),
        "--spring.datasource.password=" + TestDatabase.postgresPassword(), "--logging.level.root=WARN",
        "--ncs.admin.password=" + TestDatabase.ADMIN_PASSWORD)) {
      String base = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
      Seeded seeded = seed(service, engagements);
      String user = seeded.user();
      String admin = TestUsers.create(service.getBean(ProcessEngine.class), "admin", List.of(Roles.ADMIN), List.of());
      System.out.printf("%n== %d engagements on PostgreSQL; the user works in %d countries%s%n", engagements,
          USERS_COUNTRIES.size(), report ? "" : " (warming up, not reported)");

      Map<String, String> requests = new LinkedHashMap<>();
      requests.put(BASELINE, "/engine-rest/task?maxResults=20");
      requests.put("GET /api/tasks?size=20", "/api/tasks?size=20");
      requests.put("GET /api/engagements?size=20", "/api/engagements?size=20");
      requests.put("GET /api/engagements/{id}", "/api/engagements/" + seeded.engagementId());
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
      if (!report) {
        return;
      }
      double baseline = percentile(times.get(BASELINE), 95);
      times.forEach((name, samples) -> {
        String as = requests.get(name).startsWith("/engine-rest") ? admin : user;
        long statements = SqlStatements.count(() -> get(base + requests.get(name), as)).statements();
        p95s.computeIfAbsent(name, key -> new LinkedHashMap<>()).put(engagements, percentile(samples, 95));
        System.out.printf("read   %-36s p50 %6.1f ms  p95 %6.1f ms  | baseline %s p95 %6.1f ms: %.2fx  | %3d SQL%n",
            name, percentile(samples, 50), percentile(samples, 95), BASELINE, baseline,
            percentile(samples, 95) / baseline, statements);
      });

      completions(service, base, user, admin);
      if (engagements == SIZES[SIZES.length - 1]) {
        loadedDatabase = url;
        loadedUser = user;
      }
    }
  }

  /** Completions per second through the three ways, each measured twice in alternating order after a warm-up. */
  private void completions(ConfigurableApplicationContext service, String base, String user, String admin)
      throws Exception {
    TaskService tasks = service.getBean(ProcessEngine.class).getTaskService();
    Map<String, Object> answers = Map.of("leadAuthorityName", "National Cyber Agency", "mandateReference",
        "Decree 2027-3");
    String engineAnswers = "{\"variables\":{\"leadAuthorityName\":{\"value\":\"National Cyber Agency\"},"
        + "\"mandateReference\":{\"value\":\"Decree 2027-3\"}}}";
    String ourAnswers = "{\"variables\":{\"leadAuthorityName\":\"National Cyber Agency\","
        + "\"mandateReference\":\"Decree 2027-3\"}}";
    Completion floor = task -> tasks.complete(task, answers);
    Completion engine = task -> post(base + "/engine-rest/task/" + task + "/complete", admin, engineAnswers);
    Completion ours = task -> post(base + "/api/tasks/" + task + "/complete", user, ourAnswers);
    for (Completion warmUp : List.of(floor, engine, ours)) {
      completionsPerSecond(service, 4, warmUp);
    }
    for (int clients : new int[] {1, 4}) {
      double java = completionsPerSecond(service, clients, floor);
      double rest = completionsPerSecond(service, clients, engine);
      double api = completionsPerSecond(service, clients, ours);
      api += completionsPerSecond(service, clients, ours);
      rest += completionsPerSecond(service, clients, engine);
      java += completionsPerSecond(service, clients, floor);
      System.out.printf("complete, %d client(s): /api %6.1f/s  | baseline /engine-rest %6.1f/s: %.2fx  | floor "
          + "Java API in-process %6.1f/s: %.2fx%n", clients, api / 2, rest / 2, api / rest, java / 2, api / java);
    }
    String[] open = new String[2];
    ConcurrentLinkedQueue<String> two = openTasks(service, 2);
    open[0] = two.poll();
    open[1] = two.poll();
    long ourStatements = SqlStatements.count(() -> {
      ours.complete(open[0]);
      return null;
    }).statements();
    long engineStatements = SqlStatements.count(() -> {
      engine.complete(open[1]);
      return null;
    }).statements();
    System.out.printf("complete, SQL per completion: /api %d  | baseline /engine-rest %d%n", ourStatements,
        engineStatements);
  }

  /** How each read's p95 grows from the fewest engagements to the most (target: 1.2x at most). */
  private void growth() {
    int from = SIZES[0];
    int to = SIZES[SIZES.length - 1];
    System.out.printf("%n== growth of p95 from %d to %d engagements%n", from, to);
    Map<Integer, Double> baseline = p95s.get(BASELINE);
    double baselineGrowth = baseline.get(to) / baseline.get(from);
    // the baseline's own growth is the machine's drift over the run (it reads the same 20 tasks at every size)
    p95s.forEach((name, bySize) -> System.out.printf("growth %-36s %6.1f ms -> %6.1f ms: %.2fx  | baseline grew "
        + "%.2fx: %.2fx of it%n", name, bySize.get(from), bySize.get(to), bySize.get(to) / bySize.get(from),
        baselineGrowth, bySize.get(to) / bySize.get(from) / baselineGrowth));
  }

  /**
   * The built jar started as a node of the cluster is (deploy/): time from the process' start to readiness, and the
   * heap after a full GC, on an empty database and on the one with the most engagements (after serving the user's
   * reads a hundred times).
   */
  private void coldStarts() throws Exception {
    System.out.printf("%n== the jar, cold start to readiness and heap after a full GC (-Xmx512m)%n");
    Path log = Path.of("target", "benchmark-node.log");
    JarNode empty = JarNode.start(TestDatabase.newPostgresDatabase("a cold start"), log, Map.of());
    JarNode loaded = null;
    try {
      Duration emptyStart = ready(empty);
      double emptyHeap = heapMb(empty);
      System.out.printf("start  empty database %6.1f s  heap %5.1f MB%n", emptyStart.toMillis() / 1e3, emptyHeap);
      empty.stop();
      loaded = JarNode.start(loadedDatabase, log, Map.of());
      Duration loadedStart = ready(loaded);
      for (int i = 0; i < 100; i++) {
        get(loaded.uri("/api/tasks?size=20").toString(), loadedUser);
        get(loaded.uri("/api/engagements?size=20").toString(), loadedUser);
      }
      double loadedHeap = heapMb(loaded);
      System.out.printf("start  %d engagements %6.1f s  heap %5.1f MB  | baseline empty database %6.1f s: %.2fx, "
          + "heap %5.1f MB: %.2fx%n", SIZES[SIZES.length - 1], loadedStart.toMillis() / 1e3, loadedHeap,
          emptyStart.toMillis() / 1e3, (double) loadedStart.toNanos() / emptyStart.toNanos(), emptyHeap,
          loadedHeap / emptyHeap);
    } finally {
      empty.stop();
      if (loaded != null) {
        loaded.stop();
      }
    }
  }

  private static Duration ready(JarNode node) throws InterruptedException {
    Duration took = node.awaitReady(Duration.ofMinutes(4));
    if (took == null) {
      throw new IllegalStateException("The node did not start: see " + node.log());
    }
    return took;
  }

  /** Heap in use after a full GC, as the JVM reports it (jcmd). */
  private static double heapMb(JarNode node) throws Exception {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    String pid = Long.toString(node.process().pid());
    new ProcessBuilder(jcmd, pid, "GC.run").start().waitFor();
    Process info = new ProcessBuilder(jcmd, pid, "GC.heap_info").start();
    String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Matcher used = Pattern.compile("used (\\d+)K").matcher(text);
    if (!used.find()) {
      throw new IllegalStateException("jcmd GC.heap_info said: " + text);
    }
    return Long.parseLong(used.group(1)) / 1024.0;
  }

  private interface Completion {
    void complete(String task);
  }

  private record Seeded(String user, String engagementId) {
  }

  /**
   * The engagements (one active per country, the others closed as past cycles are) and a user who is the
   * executive of the first ten: each of those has its first task waiting for them. Engagements give a ministry
   * role for one country only, so the identity store gives this user the group and the ten countries directly.
   */
  private static Seeded seed(ConfigurableApplicationContext service, int engagements) {
    ProcessEngine engine = service.getBean(ProcessEngine.class);
    Engagements all = service.getBean(Engagements.class);
    CurrentUsers users = service.getBean(CurrentUsers.class);
    JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
    String officer = TestUsers.create(engine, "itu", List.of("itu-officer"), List.of());
    String user = TestUsers.create(engine, "executive", List.of("executive"), USERS_COUNTRIES);
    List<String> others = jdbc.queryForList("select code from country order by code", String.class).stream()
        .filter(code -> !USERS_COUNTRIES.contains(code)).toList();
    String first = null;
    for (int i = 0; i < engagements; i++) {
      boolean forTheUser = i < USERS_COUNTRIES.size();
      int other = i - USERS_COUNTRIES.size();
      String country = forTheUser ? USERS_COUNTRIES.get(i) : others.get(other % others.size());
      String id = all.create(new NewEngagement(country, "Strategy " + i, List.of("World Bank"),
          LocalDate.now().plusYears(5), null, null, null, null), users.of(officer), Locale.ENGLISH).engagement().id();
      first = first == null ? id : first;
      if (!forTheUser && i + others.size() < engagements) {
        // a past cycle: closed, so that the country can have another engagement
        jdbc.update("update engagement set status = 'CLOSED', active_slot = null where id = ?", id);
      }
    }
    return new Seeded(user, first);
  }

  /** New lifecycles in the user's countries, each with its first task open: the tasks' ids. */
  private static ConcurrentLinkedQueue<String> openTasks(ConfigurableApplicationContext service, int count) {
    ProcessEngine engine = service.getBean(ProcessEngine.class);
    Lifecycles lifecycles = service.getBean(Lifecycles.class);
    ConcurrentLinkedQueue<String> open = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < count; i++) {
      String country = USERS_COUNTRIES.get(i % USERS_COUNTRIES.size());
      String key = "bench-" + System.nanoTime();
      lifecycles.start(key, country, LifecyclePlan.endingOn(LocalDate.now().plusYears(5)), List.of("ITU"));
      open.add(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).singleResult().getId());
    }
    return open;
  }

  /** Completes first tasks of new lifecycles, by as many clients at once: completions per second. */
  private static double completionsPerSecond(ConfigurableApplicationContext service, int clients,
      Completion completion) throws Exception {
    ConcurrentLinkedQueue<String> open = openTasks(service, COMPLETIONS);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    for (int c = 0; c < clients; c++) {
      pool.submit(() -> {
        for (String task = open.poll(); task != null; task = open.poll()) {
          try {
            completion.complete(task);
          } catch (RuntimeException e) {
            failures.add(e);
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

  private void post(String url, String user, String body) {
    send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user))
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
