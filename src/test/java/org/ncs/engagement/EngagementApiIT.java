package org.ncs.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ncs.lifecycle.LifecycleDriver;
import org.ncs.testing.Api;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.TestCountries;
import org.ncs.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Engagements as their teams use them through our API. */
@IntegrationTest
class EngagementApiIT {

  @Autowired
  TestRestTemplate http;

  @Autowired
  ObjectMapper json;

  @Autowired
  ProcessEngine engine;

  String officerId;
  Api officer;

  @BeforeEach
  void setUp() {
    officerId = TestUsers.create(engine, "itu", List.of("itu-officer"), List.of());
    officer = new Api(http, json, officerId);
  }

  @Test
  void anItuOfficerOpensAnEngagementWhichStartsItsLifecycleInTheCountrysTenant() {
    String country = TestCountries.next();

    Api.Response created = officer.post("/api/engagements", Map.of("country", country,
        "title", "National cybersecurity strategy 2027-2031", "partners", List.of("ITU", "World Bank"),
        "strategyEndDate", "2031-12-31", "taskDurations", Map.of("Task_DraftStrategy", "P120D")));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode engagement = created.body();
    String id = engagement.path("engagement").path("id").asText();
    assertThat(created.entity().getHeaders().getLocation()).hasToString("/api/engagements/" + id);
    assertThat(engagement.path("engagement").path("country").path("code").asText()).isEqualTo(country);
    assertThat(engagement.path("engagement").path("status").asText()).isEqualTo("ACTIVE");
    assertThat(engagement.path("engagement").path("cycle").asInt()).isEqualTo(1);
    assertThat(engagement.path("phases").get(0).path("id").asText()).isEqualTo("P1");
    assertThat(engagement.path("phases").get(0).path("title").asText()).isEqualTo("Initiation");
    assertThat(engagement.path("openTasks").get(0).path("name").asText())
        .isEqualTo("Identify the lead project authority");
    assertThat(engagement.path("openTasks").get(0).path("step").asText()).isEqualTo("P1.S1");
    assertThat(engagement.path("taskDurations").path("Task_DraftStrategy").asText()).isEqualTo("P120D");
    assertThat(engagement.path("members").get(0).path("userId").asText()).isEqualTo(officerId);

    ProcessInstance lifecycle = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(id).processDefinitionKey("ncs-lifecycle").singleResult();
    assertThat(lifecycle.getTenantId()).isEqualTo(country);
    assertThat(engine.getIdentityService().createTenantQuery().userMember(officerId).singleResult().getId())
        .isEqualTo(country);
    assertThat(ids(officer.get("/api/engagements").body())).contains(id);
    assertThat(actions(officer.get("/api/engagements/" + id + "/history").body())).contains("ENGAGEMENT_CREATED");
  }

  @Test
  void membersJoinTheCountryAtOnceAndLeaveItWithTheirLastRole() {
    String id = openEngagement();
    String minister = TestUsers.create(engine, "minister", List.of(), List.of());
    Api ministry = new Api(http, json, minister);
    assertThat(ministry.get("/api/engagements/" + id).status()).isEqualTo(404);

    JsonNode lead = officer.post("/api/engagements/" + id + "/members",
        Map.of("userId", minister, "role", "lead-authority")).body();
    JsonNode executive = officer.post("/api/engagements/" + id + "/members",
        Map.of("userId", minister, "role", "executive")).body();

    assertThat(ministry.get("/api/engagements/" + id).status()).isEqualTo(200);
    assertThat(names(ministry.get("/api/tasks").body())).containsExactly("Identify the lead project authority");
    assertThat(engine.getIdentityService().createGroupQuery().groupMember(minister).list())
        .extracting(group -> group.getId()).containsExactlyInAnyOrder("lead-authority", "executive");

    assertThat(officer.delete("/api/engagements/" + id + "/members/" + executive.path("id").asText()).status())
        .isEqualTo(204);
    assertThat(ministry.get("/api/tasks").body().path("items")).isEmpty();
    assertThat(ministry.get("/api/engagements/" + id).status()).isEqualTo(200);

    officer.delete("/api/engagements/" + id + "/members/" + lead.path("id").asText());
    assertThat(ministry.get("/api/engagements/" + id).status()).isEqualTo(404);
    assertThat(engine.getIdentityService().createTenantQuery().userMember(minister).count()).isZero();
    assertThat(engine.getIdentityService().createGroupQuery().groupMember(minister).count()).isZero();
    JsonNode history = officer.get("/api/engagements/" + id + "/history").body();
    assertThat(actions(history)).containsSubsequence("MEMBER_REMOVED", "MEMBER_REMOVED", "MEMBER_ADDED",
        "MEMBER_ADDED");
    assertThat(history.path("items").get(0).path("details").path("before").path("role").asText())
        .isEqualTo("lead-authority");
  }

  @Test
  void aMinistryUserWorksThroughTheirInboxAndEveryStepIsInTheHistory() {
    String id = openEngagement();
    String minister = member(id, "executive");
    Api ministry = new Api(http, json, minister);

    JsonNode inbox = ministry.get("/api/tasks?engagement=" + id).body();
    assertThat(inbox.path("totalItems").asInt()).isEqualTo(1);
    JsonNode task = inbox.path("items").get(0);
    assertThat(task.path("phase").asText()).isEqualTo("P1");
    assertThat(task.path("engagementId").asText()).isEqualTo(id);
    assertThat(task.path("candidateGroups").get(0).asText()).isEqualTo("executive");
    String taskId = task.path("id").asText();
    JsonNode detail = ministry.get("/api/tasks/" + taskId).body();
    assertThat(detail.path("form").asText()).isEqualTo("ncs-identify-lead-authority");
    assertThat(detail.path("fields").get(0).path("key").asText()).isEqualTo("leadAuthorityName");
    assertThat(detail.path("fields").get(0).path("required").asBoolean()).isTrue();
    assertThat(ministry.get("/api/tasks?phase=P2").body().path("items")).isEmpty();
    assertThat(ministry.get("/api/tasks?overdue=true").body().path("items")).isEmpty();

    assertThat(ministry.post("/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(204);
    assertThat(ministry.get("/api/tasks/" + taskId).body().path("task").path("assignee").asText()).isEqualTo(minister);
    assertThat(ministry.post("/api/tasks/" + taskId + "/unclaim", null).status()).isEqualTo(204);

    Api.Response invalid = ministry.post("/api/tasks/" + taskId + "/complete",
        Map.of("variables", Map.of("mandateReference", "Decree 1", "cycle", 7)));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body().path("errors").toString())
        .contains("\"field\":\"cycle\",\"message\":\"is not a field of this task's form\"");
    Api.Response missing = ministry.post("/api/tasks/" + taskId + "/complete",
        Map.of("variables", Map.of("mandateReference", "Decree 1")));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().path("errors").get(0).path("field").asText()).isEqualTo("leadAuthorityName");

    Api.Response done = ministry.post("/api/tasks/" + taskId + "/complete", Map.of("variables", Map.of(
        "leadAuthorityName", "National Cybersecurity Agency", "mandateReference", "Decree 2027-14")));
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
    assertThat(ministry.get("/api/tasks").body().path("items")).isEmpty();
    // the task is gone, and opening it again says who completed it
    Api.Response gone = ministry.get("/api/tasks/" + taskId);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.body().path("detail").asText()).contains("was completed by " + minister);
    Api.Response again = ministry.post("/api/tasks/" + taskId + "/complete", Map.of("variables", Map.of(
        "leadAuthorityName", "National Cybersecurity Agency", "mandateReference", "Decree 2027-14")));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().path("detail").asText()).contains("was completed by " + minister);
    JsonNode engagement = officer.get("/api/engagements/" + id).body();
    assertThat(engagement.path("openTasks").get(0).path("name").asText()).isEqualTo("Establish the steering committee");
    JsonNode history = officer.get("/api/engagements/" + id + "/history").body();
    assertThat(actions(history)).containsSubsequence("TASK_COMPLETED", "TASK_UNCLAIMED", "TASK_CLAIMED");
    JsonNode completed = history.path("items").get(0);
    assertThat(completed.path("actor").asText()).isEqualTo(minister);
    assertThat(completed.path("details").path("outcome").path("leadAuthorityName").asText())
        .isEqualTo("National Cybersecurity Agency");
  }

  @Test
  void theTeamKeepsAStakeholderRegistryAndCommentsOnTheEngagementAndItsTasks() {
    String id = openEngagement();
    String banker = TestUsers.create(engine, "wb", List.of("wb-cofacilitator"), List.of());
    officer.post("/api/engagements/" + id + "/members", Map.of("userId", banker, "role", "wb-cofacilitator"));
    Api worldBank = new Api(http, json, banker);

    Api.Response added = officer.post("/api/engagements/" + id + "/stakeholders", Map.of(
        "organisation", "National Bankers' Association", "category", "private-sector",
        "contactName", "Kofi Mensah", "contactEmail", "kofi@bankers.example.org"));
    assertThat(added.status()).isEqualTo(201);
    assertThat(worldBank.get("/api/engagements/" + id + "/stakeholders").body().path("items").get(0)
        .path("organisation").asText()).isEqualTo("National Bankers' Association");

    String taskId = officer.get("/api/engagements/" + id).body().path("openTasks").get(0).path("id").asText();
    assertThat(worldBank.post("/api/engagements/" + id + "/comments",
        Map.of("body", "The action plan should be costed.")).status()).isEqualTo(201);
    assertThat(worldBank.post("/api/engagements/" + id + "/tasks/" + taskId + "/comments",
        Map.of("body", "Please name the agency's director.")).status()).isEqualTo(201);

    JsonNode all = officer.get("/api/engagements/" + id + "/comments").body();
    assertThat(all.path("totalItems").asInt()).isEqualTo(2);
    JsonNode onTask = officer.get("/api/engagements/" + id + "/comments?taskId=" + taskId).body();
    assertThat(onTask.path("items").get(0).path("author").asText()).isEqualTo(banker);
    assertThat(onTask.path("items").get(0).path("body").asText()).isEqualTo("Please name the agency's director.");
    // the co-facilitator may comment but not manage the team or the registry
    assertThat(worldBank.post("/api/engagements/" + id + "/stakeholders", Map.of("organisation", "X Ltd",
        "category", "academia")).status()).isEqualTo(403);
  }

  @Test
  void partnerRolesAndPartnersAgreeAndTheLifecycleKnowsItsPartners() {
    Api.Response created = officer.post("/api/engagements", Map.of("country", TestCountries.next(),
        "title", "A strategy", "partners", List.of(" world bank", "SADC Secretariat"), "strategyEndDate", "2031-12-31"));
    // the World Bank under its one name; the ITU because an ITU officer opened it
    assertThat(created.body().path("engagement").path("partners")).extracting(JsonNode::asText)
        .containsExactly("World Bank", "SADC Secretariat", "ITU");

    String withoutBank = openEngagement();
    assertThat(officer.get("/api/engagements/" + withoutBank).body().path("engagement").path("partners"))
        .extracting(JsonNode::asText).containsExactly("ITU");
    String banker = TestUsers.create(engine, "wb", List.of("wb-cofacilitator"), List.of());
    assertThat(officer.post("/api/engagements/" + withoutBank + "/members",
        Map.of("userId", banker, "role", "wb-cofacilitator")).status()).isEqualTo(201);

    assertThat(officer.get("/api/engagements/" + withoutBank).body().path("engagement").path("partners"))
        .extracting(JsonNode::asText).containsExactly("ITU", "World Bank");
    ProcessInstance lifecycle = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(withoutBank).processDefinitionKey("ncs-lifecycle").singleResult();
    assertThat((List<Object>) engine.getRuntimeService().getVariable(lifecycle.getId(), "partners"))
        .containsExactly("ITU", "World Bank");
    assertThat(actions(officer.get("/api/engagements/" + withoutBank + "/history").body()))
        .contains("PARTNER_ADDED");
  }

  @Test
  void anAdoptionSetsTheEngagementsStrategyPeriodAsTheEngineHasIt() {
    String approved = openEngagement();
    String executiveId = member(approved, "executive");
    Api executive = new Api(http, json, executiveId);
    String approval = jumpToStrategyApproval(approved);
    String end = LocalDate.now(ZoneOffset.UTC).plusYears(5).toString();

    Api.Response pastEnd = executive.post("/api/tasks/" + approval + "/complete", Map.of("variables", Map.of(
        "approvalDecision", "adopted", "adoptionReference", "Decree 12", "adoptionDate", yesterday(),
        "strategyEndDate", "2020-01-01")));
    assertThat(pastEnd.status()).isEqualTo(400);
    assertThat(pastEnd.body().path("errors").get(0).path("field").asText()).isEqualTo("strategyEndDate");
    Api.Response adopted = executive.post("/api/tasks/" + approval + "/complete", Map.of("variables", Map.of(
        "approvalDecision", "adopted", "adoptionReference", "Decree 12", "adoptionDate", yesterday(),
        "strategyEndDate", end)));
    assertThat(adopted.status()).as(adopted.toString()).isEqualTo(204);

    assertThat(officer.get("/api/engagements/" + approved).body().path("engagement").path("strategyEndDate")
        .asText()).isEqualTo(end);
    JsonNode adoption = officer.get("/api/engagements/" + approved + "/history").body().path("items").get(0);
    assertThat(adoption.path("action").asText()).isEqualTo("STRATEGY_ADOPTED");
    assertThat(adoption.path("details").path("before").path("strategyEndDate").asText()).isEqualTo("2031-12-31");
    assertThat(adoption.path("actor").asText()).isEqualTo(executiveId);

    // adopted outside the system: the same record, and dates that make no sense are refused first
    String external = openEngagement();
    jumpToStrategyApproval(external);
    Api.Response backwards = officer.post("/api/engagements/" + external + "/strategy-adoption", Map.of(
        "reference", "Cabinet decision 4/2027", "adoptionDate", yesterday(), "strategyEndDate", "2020-01-01"));
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(officer.post("/api/engagements/" + external + "/strategy-adoption", Map.of(
        "reference", "Cabinet decision 4/2027", "adoptionDate", yesterday(), "strategyEndDate", end)).status())
        .isEqualTo(204);
    assertThat(officer.get("/api/engagements/" + external).body().path("engagement").path("strategyEndDate")
        .asText()).isEqualTo(end);
    // recorded as done by who reported it, and for the approval task by who completed it
    assertThat(officer.get("/api/engagements/" + external + "/history").body().path("items").get(0)
        .path("actor").asText()).isEqualTo(officerId);
  }

  @Test
  void anAdoptionOrAnEarlyEndIsRefusedWhileTheLifecycleIsElsewhere() {
    String id = openEngagement();

    Api.Response adoption = officer.post("/api/engagements/" + id + "/strategy-adoption", Map.of(
        "reference", "Cabinet decision 4/2027", "adoptionDate", "2026-01-10", "strategyEndDate", "2031-12-31"));
    Api.Response end = officer.post("/api/engagements/" + id + "/strategy-period-end", null);

    assertThat(adoption.status()).isEqualTo(409);
    assertThat(end.status()).isEqualTo(409);
  }

  @Test
  void anEvaluationThatRenewsStartsTheNextCycleAndOneThatClosesClosesTheEngagement() {
    String renewed = openEngagement();
    String closed = openEngagement();

    LifecycleDriver driver = new LifecycleDriver(engine);
    driver.jumpToRenewalDecision(renewed, Map.of("evaluationDecision", "renew", "nextCycleEntry", "stocktaking"));
    driver.jumpToRenewalDecision(closed, Map.of("evaluationDecision", "close"));

    JsonNode next = officer.get("/api/engagements/" + renewed).body();
    assertThat(next.path("engagement").path("cycle").asInt()).isEqualTo(2);
    assertThat(next.path("engagement").path("status").asText()).isEqualTo("ACTIVE");
    assertThat(next.path("phases").get(0).path("id").asText()).isEqualTo("P2");
    JsonNode done = officer.get("/api/engagements/" + closed).body();
    assertThat(done.path("engagement").path("status").asText()).isEqualTo("CLOSED");
    assertThat(done.path("phases")).isEmpty();
    assertThat(actions(officer.get("/api/engagements/" + closed + "/history").body())).contains("ENGAGEMENT_CLOSED");
    assertThat(actions(officer.get("/api/engagements/" + renewed + "/history").body())).contains("CYCLE_STARTED");
    assertThat(ids(officer.get("/api/engagements?status=CLOSED&size=100").body())).contains(closed)
        .doesNotContain(renewed);
  }

  /** The lifecycle moved on to the approval of the drafted strategy: the approval task's id. */
  private String jumpToStrategyApproval(String engagementId) {
    ProcessInstance lifecycle = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(engagementId).processDefinitionKey("ncs-lifecycle").singleResult();
    engine.getRuntimeService().createProcessInstanceModification(lifecycle.getId())
        .cancelAllForActivity("CallActivity_Initiation")
        .startBeforeActivity("CallActivity_Production")
        .execute();
    ProcessInstance production = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(engagementId).processDefinitionKey("ncs-phase-3-production").singleResult();
    engine.getRuntimeService().createProcessInstanceModification(production.getId())
        .cancelAllForActivity("Task_DraftStrategy")
        .startBeforeActivity("Task_ApproveStrategy")
        .execute();
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(engagementId)
        .taskDefinitionKey("Task_ApproveStrategy").singleResult().getId();
  }

  private static String yesterday() {
    return LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
  }

  private String openEngagement() {
    Api.Response created = officer.post("/api/engagements", Map.of("country", TestCountries.next(),
        "title", "National cybersecurity strategy", "strategyEndDate", "2031-12-31"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.body().path("engagement").path("id").asText();
  }

  private String member(String engagementId, String role) {
    String user = TestUsers.create(engine, role, List.of(), List.of());
    Api.Response added = officer.post("/api/engagements/" + engagementId + "/members",
        Map.of("userId", user, "role", role));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    return user;
  }

  private static List<String> ids(JsonNode page) {
    return values(page, item -> item.path("id").asText());
  }

  private static List<String> names(JsonNode page) {
    return values(page, item -> item.path("name").asText());
  }

  private static List<String> actions(JsonNode page) {
    return values(page, item -> item.path("action").asText());
  }

  private static List<String> values(JsonNode page, java.util.function.Function<JsonNode, String> value) {
    List<String> values = new ArrayList<>();
    page.path("items").forEach(item -> values.add(value.apply(item)));
    return values;
  }
}
