package org.ncs.bench;

import static org.ncs.bench.Measures.percentile;

import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.ncs.benchmark.AssessmentKind;
import org.ncs.benchmark.Assessments;
import org.ncs.benchmark.BenchmarkRequests.NewAssessment;
import org.ncs.benchmark.BenchmarkRequests.NewEvidence;
import org.ncs.benchmark.BenchmarkRequests.RatingRequest;
import org.ncs.benchmark.EvidenceKind;
import org.ncs.benchmark.EvidenceRegister;
import org.ncs.catalogue.Catalogue;
import org.ncs.catalogue.Element;
import org.ncs.engagement.EngagementRequests.NewEngagement;
import org.ncs.engagement.EngagementRequests.NewMember;
import org.ncs.engagement.Engagements;
import org.ncs.security.CurrentUser;
import org.ncs.security.CurrentUsers;
import org.ncs.security.Roles;
import org.ncs.testing.SqlStatements;
import org.ncs.testing.TestDatabase;
import org.ncs.testing.TestUsers;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What benchmarking's views cost at the scale of every country, on PostgreSQL: {@value #COUNTRIES} engagements,
 * each with {@value #ASSESSMENTS} validated assessments of every element, followed by one ITU officer. Measures the
 * portfolio (all of them), one country's trend and scorecard, and in the same run the engine's own
 * {@code GET /engine-rest/task} and a hand-written SQL aggregate of the same portfolio (its floor). Prints p50 and
 * p95 over {@value #ROUNDS} requests after {@value #WARM_UP} of warm-up, the ratios, and the SQL statements per
 * request. A request for a few static facts shows what HTTP costs on its own, which the floor, measured in-process,
 * does not pay. Not a test: {@code mvn -Pbenchmark test-compile exec:java -Dbenchmark=ScoresBenchmark}.
 *
 * <p>One country's assessments are made through the service (rated, submitted, validated, scores frozen); the
 * others get copies of them, written straight to the tables, as loading 33,000 ratings one by one would take long.
 */
public final class ScoresBenchmark {

  static final int COUNTRIES = 194;
  static final int ASSESSMENTS = 5;
  static final int WARM_UP = 30;
  static final int ROUNDS = 200;

  /** The portfolio's floor: engagements, open and overdue tasks, latest validated scores, in one statement. */
  static final String FLOOR = """
      select e.id, e.country_code, e.title, t.open_tasks, t.overdue_tasks, s.item, s.coverage, s.implementation,
             s.coverage_band, s.implementation_band, a.as_of
        from engagement e
        left join (select r.business_key_, count(*) open_tasks,
                          sum(case when k.due_date_ < current_timestamp then 1 else 0 end) overdue_tasks
                     from act_ru_task k join act_ru_execution r on r.id_ = k.proc_inst_id_
                    group by r.business_key_) t on t.business_key_ = e.id
        left join assessment a on a.engagement_id = e.id and a.state = 'VALIDATED' and a.superseded_by is null
              and not exists (select 1 from assessment b where b.engagement_id = a.engagement_id
                              and b.state = 'VALIDATED' and b.superseded_by is null and b.as_of > a.as_of)
        left join assessment_score s on s.assessment_id = a.id and s.item not like '%.%'
       where e.status = 'ACTIVE' and e.country_code in (select tenant_id_ from act_id_tenant_member where user_id_ = ?)
       order by e.country_code, s.item
      """;

  private final HttpClient client = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    System.setProperty(TestDatabase.PROPERTY, "postgres");
    new ScoresBenchmark().run();
    System.exit(0);
  }

  private void run() throws Exception {
    try (ConfigurableApplicationContext service = Measures.service("the scores benchmark")) {
      String base = Measures.base(service);
      ProcessEngine engine = service.getBean(ProcessEngine.class);
      JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
      String admin = TestUsers.create(engine, "admin", List.of(Roles.ADMIN), List.of());
      long started = System.nanoTime();
      String[] seeded = seed(service);
      String officer = seeded[0];
      String lead = seeded[1];
      String one = seeded[2];
      System.out.printf("%n== %d countries x %d validated assessments x every element, on PostgreSQL"
          + " (loaded in %d s)%n", COUNTRIES, ASSESSMENTS, (System.nanoTime() - started) / 1_000_000_000L);

      Map<String, String[]> requests = new LinkedHashMap<>();
      requests.put("GET /engine-rest/task?maxResults=20 (baseline)",
          new String[] {"/engine-rest/task?maxResults=20", admin});
      requests.put("GET /actuator/info (HTTP alone, no data)", new String[] {"/actuator/info", officer});
      requests.put("GET /api/portfolio (" + COUNTRIES + " rows)", new String[] {"/api/portfolio", officer});
      requests.put("GET /api/engagements/{id}/trend", new String[] {"/api/engagements/" + one + "/trend", lead});
      requests.put("GET /api/engagements/{id}/scorecard",
          new String[] {"/api/engagements/" + one + "/scorecard", lead});
      Map<String, List<Long>> times = new LinkedHashMap<>();
      requests.keySet().forEach(name -> times.put(name, new ArrayList<>()));
      List<Long> floor = new ArrayList<>();
      for (int round = 0; round < WARM_UP + ROUNDS; round++) {
        for (Map.Entry<String, String[]> request : requests.entrySet()) {
          long start = System.nanoTime();
          Measures.get(client, base + request.getValue()[0], request.getValue()[1]);
          if (round >= WARM_UP) {
            times.get(request.getKey()).add(System.nanoTime() - start);
          }
        }
        long start = System.nanoTime();
        jdbc.queryForList(FLOOR, officer);
        if (round >= WARM_UP) {
          floor.add(System.nanoTime() - start);
        }
      }
      double baseline = percentile(times.values().iterator().next(), 95);
      double floor95 = percentile(floor, 95);
      System.out.printf("%-46s p50 %7.1f ms  p95 %7.1f ms  (p95 %5.2fx baseline)%n",
          "portfolio as one SQL aggregate (floor)", percentile(floor, 50), floor95, floor95 / baseline);
      for (Map.Entry<String, List<Long>> measured : times.entrySet()) {
        String[] request = requests.get(measured.getKey());
        SqlStatements.Counted<Integer> counted = SqlStatements.count(() -> Measures.get(client, base + request[0],
            request[1]));
        double p95 = percentile(measured.getValue(), 95);
        System.out.printf("%-46s p50 %7.1f ms  p95 %7.1f ms  (p95 %5.2fx baseline, %5.2fx floor)  %3d SQL "
            + "statements%n", measured.getKey(), percentile(measured.getValue(), 50), p95, p95 / baseline,
            p95 / floor95, counted.statements());
      }
    }
  }

  /**
   * The countries' engagements and assessments; answers the officer, the first country's lead authority and
   * engagement.
   */
  private static String[] seed(ConfigurableApplicationContext service) {
    ProcessEngine engine = service.getBean(ProcessEngine.class);
    Engagements engagements = service.getBean(Engagements.class);
    Assessments assessments = service.getBean(Assessments.class);
    EvidenceRegister register = service.getBean(EvidenceRegister.class);
    Catalogue catalogue = service.getBean(Catalogue.class);
    CurrentUsers users = service.getBean(CurrentUsers.class);
    JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
    String officerId = TestUsers.create(engine, "itu", List.of(Roles.ITU_OFFICER), List.of());
    String reviewerId = TestUsers.create(engine, "itu", List.of(Roles.ITU_OFFICER), List.of());
    List<String> countries = jdbc.queryForList("select code from country order by code", String.class)
        .subList(0, COUNTRIES);
    List<String> ids = new ArrayList<>();
    for (String country : countries) {
      ids.add(engagements.create(new NewEngagement(country, "National Cybersecurity Strategy of " + country,
          List.of("ITU"), LocalDate.now().plusYears(5), null, null, null, null), users.of(officerId),
          Locale.ENGLISH).engagement().id());
    }
    String one = ids.get(0);
    String leadId = TestUsers.create(engine, "lead", List.of(), List.of());
    engagements.addMember(one, new NewMember(leadId, Roles.LEAD_AUTHORITY), users.of(officerId));
    engagements.addMember(one, new NewMember(reviewerId, Roles.ITU_OFFICER), users.of(officerId));
    CurrentUser lead = users.of(leadId);
    String law = register.add(one, new NewEvidence(EvidenceKind.LAW, "Cybersecurity Act",
        "https://gazette.example.org/act", null, "articles 1 to 40", null, null, false), lead).id();
    List<Element> elements = catalogue.current().elements().toList();
    for (int n = 0; n < ASSESSMENTS; n++) {
      int step = n;
      String id = assessments.create(one, new NewAssessment(n == 0 ? AssessmentKind.BASELINE
          : AssessmentKind.PROGRESS, LocalDate.now().minusYears(ASSESSMENTS - n)), lead).id();
      for (int i = 0; i < elements.size(); i++) {
        assessments.rate(one, id, elements.get(i).id(), new RatingRequest(Math.min(3, (i + step) % 4),
            Math.min(5, (i * 3 + step) % 6), false, "Benchmark rating", List.of(law)), lead);
      }
      assessments.submit(one, id, lead);
      assessments.validate(one, id, users.of(reviewerId));
    }
    copy(jdbc, one, ids.subList(1, ids.size()), countries.subList(1, countries.size()));
    return new String[] {officerId, leadId, one};
  }

  /** The first engagement's assessments, ratings and frozen scores, copied to every other engagement. */
  private static void copy(JdbcTemplate jdbc, String from, List<String> to, List<String> countries) {
    List<Map<String, Object>> assessments = jdbc.queryForList("select * from assessment where engagement_id = ?",
        from);
    List<Object[]> assessmentRows = new ArrayList<>();
    List<Object[]> ratingRows = new ArrayList<>();
    List<Object[]> scoreRows = new ArrayList<>();
    for (int e = 0; e < to.size(); e++) {
      for (Map<String, Object> assessment : assessments) {
        String id = UUID.randomUUID().toString();
        String original = (String) assessment.get("id");
        assessmentRows.add(new Object[] {id, to.get(e), countries.get(e), assessment.get("edition"),
            assessment.get("revision"), assessment.get("kind"), assessment.get("as_of"), assessment.get("created_by"),
            assessment.get("created_at"), assessment.get("submitted_by"), assessment.get("submitted_at"),
            assessment.get("decided_by"), assessment.get("decided_at")});
        for (Map<String, Object> rating : jdbc.queryForList("select * from rating where assessment_id = ?",
            original)) {
          ratingRows.add(new Object[] {UUID.randomUUID().toString(), id, rating.get("element_id"),
              rating.get("coverage"), rating.get("implementation"), rating.get("rationale"), rating.get("set_by"),
              rating.get("set_at")});
        }
        for (Map<String, Object> score : jdbc.queryForList("select * from assessment_score where assessment_id = ?",
            original)) {
          scoreRows.add(new Object[] {id, score.get("item"), score.get("coverage"), score.get("implementation"),
              score.get("gap"), score.get("coverage_band"), score.get("implementation_band")});
        }
      }
    }
    jdbc.batchUpdate("insert into assessment (id, engagement_id, tenant_id, edition, revision, kind, as_of, state,"
        + " created_by, created_at, submitted_by, submitted_at, decided_by, decided_at, version)"
        + " values (?, ?, ?, ?, ?, ?, ?, 'VALIDATED', ?, ?, ?, ?, ?, ?, 0)", assessmentRows);
    jdbc.batchUpdate("insert into rating (id, assessment_id, element_id, coverage, implementation, not_applicable,"
        + " rationale, set_by, set_at) values (?, ?, ?, ?, ?, false, ?, ?, ?)", ratingRows);
    jdbc.batchUpdate("insert into assessment_score (assessment_id, item, coverage, implementation, gap,"
        + " coverage_band, implementation_band) values (?, ?, ?, ?, ?, ?, ?)", scoreRows);
    // as autovacuum leaves tables in steady use: statistics current, and pages marked visible for index-only scans
    jdbc.execute("vacuum analyze");
  }
}
