package org.ncs.bench;

import static org.ncs.bench.Measures.percentile;

import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.ncs.consultation.ConsultationRequests.NewItem;
import org.ncs.consultation.Consultations;
import org.ncs.engagement.EngagementRequests.NewEngagement;
import org.ncs.engagement.EngagementRequests.NewMember;
import org.ncs.engagement.EngagementRequests.NewPerson;
import org.ncs.engagement.EngagementRequests.NewStakeholder;
import org.ncs.engagement.Engagements;
import org.ncs.lifecycle.LifecycleDriver;
import org.ncs.security.CurrentUsers;
import org.ncs.security.Roles;
import org.ncs.testing.SqlStatements;
import org.ncs.testing.TestDatabase;
import org.ncs.testing.TestUsers;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the consultation record and its downloads cost, on PostgreSQL, against the engine's own REST API in the
 * same run: one engagement whose round has {@value #COMMENTS} comments from two stakeholder groups; the record
 * (JSON) and the log as CSV, XLSX and PDF, each requested in turn with {@code GET /engine-rest/task} (an
 * administrator's) as the baseline. Prints latencies (p50, p95), their ratio to the baseline, the SQL statements
 * and the bytes of each answer. Not a test: {@code mvn -Pbenchmark test-compile exec:java
 * -Dbenchmark=ConsultationBenchmark}.
 */
public final class ConsultationBenchmark {

  static final int COMMENTS = 400;
  static final int WARM_UP = 20;
  static final int ROUNDS = 100;

  private final HttpClient client = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    System.setProperty(TestDatabase.PROPERTY, "postgres");
    new ConsultationBenchmark().run();
    System.exit(0);
  }

  private void run() throws Exception {
    try (ConfigurableApplicationContext service = Measures.service("the consultation benchmark")) {
      String base = Measures.base(service);
      ProcessEngine engine = service.getBean(ProcessEngine.class);
      String admin = TestUsers.create(engine, "admin", List.of(Roles.ADMIN), List.of());
      String[] seeded = seed(service);
      String lead = seeded[0];
      String path = "/api/engagements/" + seeded[1] + "/consultation";
      System.out.printf("%n== one consultation round with %d comments from two groups, on PostgreSQL%n", COMMENTS);

      Map<String, String[]> requests = new LinkedHashMap<>();
      requests.put("GET /engine-rest/task?maxResults=20 (baseline)",
          new String[] {"/engine-rest/task?maxResults=20", admin});
      requests.put("GET " + "/api/…/consultation (JSON)", new String[] {path, lead});
      requests.put("GET /api/…/consultation/log.csv", new String[] {path + "/log.csv", lead});
      requests.put("GET /api/…/consultation/log.xlsx", new String[] {path + "/log.xlsx", lead});
      requests.put("GET /api/…/consultation/log.pdf", new String[] {path + "/log.pdf", lead});
      Map<String, List<Long>> times = new LinkedHashMap<>();
      requests.keySet().forEach(name -> times.put(name, new ArrayList<>()));
      for (int round = 0; round < WARM_UP + ROUNDS; round++) {
        for (Map.Entry<String, String[]> request : requests.entrySet()) {
          long start = System.nanoTime();
          Measures.get(client, base + request.getValue()[0], request.getValue()[1]);
          if (round >= WARM_UP) {
            times.get(request.getKey()).add(System.nanoTime() - start);
          }
        }
      }
      double baseline = percentile(times.values().iterator().next(), 95);
      for (Map.Entry<String, List<Long>> measured : times.entrySet()) {
        String[] request = requests.get(measured.getKey());
        SqlStatements.Counted<Integer> counted = SqlStatements.count(() -> Measures.get(client, base + request[0],
            request[1]));
        System.out.printf("%-50s p50 %7.1f ms  p95 %7.1f ms  (p95 %5.2fx baseline)  %3d SQL statements  %,9d bytes%n",
            measured.getKey(), percentile(measured.getValue(), 50), percentile(measured.getValue(), 95),
            percentile(measured.getValue(), 95) / baseline, counted.statements(), counted.result());
      }
    }
  }

  /** An engagement at its first consultation round with the comments; the lead authority and the engagement. */
  private static String[] seed(ConfigurableApplicationContext service) {
    ProcessEngine engine = service.getBean(ProcessEngine.class);
    Engagements engagements = service.getBean(Engagements.class);
    Consultations consultations = service.getBean(Consultations.class);
    CurrentUsers users = service.getBean(CurrentUsers.class);
    String officer = TestUsers.create(engine, "itu", List.of("itu-officer"), List.of());
    String id = engagements.create(new NewEngagement("KEN", "Kenya National Cybersecurity Strategy",
        List.of("ITU"), LocalDate.now().plusYears(5), null, null, null, null), users.of(officer), Locale.ENGLISH)
        .engagement().id();
    String lead = member(engine, engagements, users, officer, id, Roles.LEAD_AUTHORITY);
    for (String group : List.of("private-sector", "civil-society")) {
      String person = member(engine, engagements, users, officer, id, Roles.STAKEHOLDER);
      String organisation = engagements.addStakeholder(id, new NewStakeholder("An organisation of " + group, group,
          null, null), users.of(officer)).id();
      engagements.addPerson(id, organisation, new NewPerson(person), users.of(officer));
    }
    LifecycleDriver driver = new LifecycleDriver(engine);
    for (String step : List.of("Task_IdentifyLeadAuthority", "Task_EstablishSteeringCommittee",
        "Task_EngageStakeholders", "Task_PlanDevelopment", "Task_ApprovePlan", "Task_AssessNationalLandscape",
        "Task_AssessRiskLandscape", "Task_ReportAnalysis", "Task_ReviewAnalysis", "Task_DraftStrategy")) {
      driver.complete(task(engine, id, step), Map.of("planDecision", "approved", "analysisDecision", "accepted",
          "consultationGroups", List.of("private-sector", "civil-society")));
    }
    List<Task> feedback = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id)
        .taskDefinitionKey("Task_ProvideFeedback").list();
    for (int i = 0; i < COMMENTS; i++) {
      Task task = feedback.get(i % feedback.size());
      String person = engine.getTaskService().getIdentityLinksForTask(task.getId()).get(0).getUserId();
      consultations.comment(task.getId(), new NewItem("Section " + (i % 12 + 1) + "." + (i % 7 + 1),
          "Comment " + i + ": the draft should say who coordinates incident response across sectors, with a "
              + "timeline, and how small enterprises are reached by the awareness campaigns."), null,
          users.of(person));
    }
    return new String[] {lead, id};
  }

  private static String member(ProcessEngine engine, Engagements engagements, CurrentUsers users, String officer,
      String id, String role) {
    String user = TestUsers.create(engine, role, List.of(), List.of());
    engagements.addMember(id, new NewMember(user, role), users.of(officer));
    return user;
  }

  private static Task task(ProcessEngine engine, String id, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey(key)
        .singleResult();
  }
}
