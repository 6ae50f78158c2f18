package org.ncs.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ncs.testing.Api;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.PageSession;
import org.ncs.testing.TestCountries;
import org.ncs.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * No one reads or writes another country's data, through our API, the engine REST API or the webapps: lists
 * never show it and its ids are not found (404, so they do not even reveal that it exists). Morocco and Rwanda
 * each have an engagement; their ministry users, an ITU officer assigned only to Morocco, a World Bank
 * co-facilitator assigned only to Rwanda and an administrator try everything.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationMatrixIT {

  @Autowired
  TestRestTemplate http;

  @Autowired
  ObjectMapper json;

  @Autowired
  ProcessEngine engine;

  @LocalServerPort
  int port;

  final Map<String, Country> countries = new LinkedHashMap<>();
  final Map<String, String> users = new LinkedHashMap<>();
  final Map<String, Set<String>> sees = new LinkedHashMap<>();

  record Country(String code, String engagement, String lifecycle, String task) {
  }

  /** Once per class, but inside a test: the engine's coverage recorder only listens during tests. */
  @BeforeEach
  void twoCountries() {
    if (!countries.isEmpty()) {
      return;
    }
    String admin = TestUsers.create(engine, "admin", List.of(Roles.ADMIN), List.of());
    Api asAdmin = new Api(http, json, admin);
    for (String code : List.of("MAR", "RWA")) {
      Api.Response created = asAdmin.post("/api/engagements", Map.of("country", code,
          "title", "National cybersecurity strategy of " + code, "strategyEndDate", "2031-12-31"));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      JsonNode engagement = created.body();
      String id = engagement.path("engagement").path("id").asText();
      String lifecycle = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
          .processDefinitionKey("ncs-lifecycle").singleResult().getId();
      countries.put(code, new Country(code, id, lifecycle, engagement.path("openTasks").get(0).path("id").asText()));
    }
    users.put("moroccan ministry", member(asAdmin, "MAR", "executive", List.of()));
    users.put("rwandan ministry", member(asAdmin, "RWA", "executive", List.of()));
    users.put("ITU officer for Morocco", member(asAdmin, "MAR", Roles.ITU_OFFICER, List.of(Roles.ITU_OFFICER)));
    users.put("World Bank for Rwanda", member(asAdmin, "RWA", Roles.WB_COFACILITATOR,
        List.of(Roles.WB_COFACILITATOR)));
    users.put("administrator", admin);
    sees.put("moroccan ministry", Set.of("MAR"));
    sees.put("rwandan ministry", Set.of("RWA"));
    sees.put("ITU officer for Morocco", Set.of("MAR"));
    sees.put("World Bank for Rwanda", Set.of("RWA"));
    sees.put("administrator", Set.of("MAR", "RWA"));
  }

  @Test
  void listsShowOnlyTheCallersCountries() {
    users.forEach((who, user) -> {
      Api api = new Api(http, json, user);
      Set<String> allowed = sees.get(who);

      assertThat(values(api.get("/api/engagements?size=100").body().path("items"), "country", "code"))
          .as("engagements of %s", who).containsAll(allowed).isSubsetOf(allowed.size() == 2 ? all() : allowed);
      assertThat(values(api.get("/api/tasks?size=100").body().path("items"), "country"))
          .as("inbox of %s", who).isSubsetOf(allowed);
      // the engine's own REST API is the administrator's alone (EngineAccessIT)
      for (String list : List.of("/engine-rest/task?maxResults=500", "/engine-rest/process-instance?maxResults=500",
          "/engine-rest/history/process-instance?maxResults=500", "/engine-rest/history/task?maxResults=500")) {
        Api.Response response = api.get(list);
        assertThat(response.status()).as("%s for %s", list, who).isEqualTo(who.equals("administrator") ? 200 : 403);
      }
    });
    // and they do see their own
    Api morocco = new Api(http, json, users.get("moroccan ministry"));
    assertThat(values(morocco.get("/api/tasks").body().path("items"), "id")).contains(countries.get("MAR").task());
  }

  @Test
  void anotherCountrysIdsAreNotFoundAndNothingOfItChanges() {
    Map<String, String> strangers = Map.of("moroccan ministry", "RWA", "rwandan ministry", "MAR",
        "ITU officer for Morocco", "RWA", "World Bank for Rwanda", "MAR");
    strangers.forEach((who, foreign) -> {
      Api api = new Api(http, json, users.get(who));
      Country other = countries.get(foreign);
      String e = "/api/engagements/" + other.engagement();
      List<Object[]> attempts = List.of(
          new Object[] {HttpMethod.GET, e, null},
          new Object[] {HttpMethod.GET, e + "/stakeholders", null},
          new Object[] {HttpMethod.GET, e + "/comments", null},
          new Object[] {HttpMethod.GET, e + "/history", null},
          new Object[] {HttpMethod.POST, e + "/members", Map.of("userId", users.get(who), "role", "executive")},
          new Object[] {HttpMethod.POST, e + "/stakeholders", Map.of("organisation", "Intruder Ltd",
              "category", "private-sector")},
          new Object[] {HttpMethod.POST, e + "/comments", Map.of("body", "hello")},
          new Object[] {HttpMethod.POST, e + "/tasks/" + other.task() + "/comments", Map.of("body", "hello")},
          new Object[] {HttpMethod.POST, e + "/strategy-period-end", null},
          new Object[] {HttpMethod.GET, e + "/action-plan", null},
          new Object[] {HttpMethod.POST, e + "/action-plan/initiatives", Map.of("title", "Intrusion",
              "focusArea", "FA1", "elements", List.of("FA1.E1"), "leadAgency", "Intruder", "priority", "LOW",
              "startDate", "2027-01-01", "endDate", "2027-12-31")},
          new Object[] {HttpMethod.POST, e + "/action-plan/copy-previous-cycle", null},
          new Object[] {HttpMethod.GET, e + "/action-plan/versions", null},
          new Object[] {HttpMethod.GET, e + "/action-plan/versions/1", null},
          new Object[] {HttpMethod.POST, e + "/action-plan/versions/1/comments", Map.of("body", "Intrusion")},
          new Object[] {HttpMethod.DELETE, e + "/action-plan/versions/1/comments/" + other.engagement(), null},
          new Object[] {HttpMethod.GET, e + "/action-plan.pdf", null},
          new Object[] {HttpMethod.GET, e + "/action-plan/progress.pdf", null},
          new Object[] {HttpMethod.GET, "/api/tasks/" + other.task(), null},
          new Object[] {HttpMethod.POST, "/api/tasks/" + other.task() + "/claim", null},
          new Object[] {HttpMethod.POST, "/api/tasks/" + other.task() + "/complete", Map.of("variables",
              Map.of("leadAuthorityName", "Intruder", "mandateReference", "none"))},
          new Object[] {HttpMethod.GET, "/api/tasks?engagement=" + other.engagement(), null});
      for (Object[] attempt : attempts) {
        Api.Response response = api.exchange((HttpMethod) attempt[0], (String) attempt[1], attempt[2]);
        if (attempt[1].toString().startsWith("/api/tasks?")) {
          // a list filtered by another country's engagement is empty, not an error
          assertThat(response.body().path("items")).as("%s by %s", attempt[1], who).isEmpty();
          continue;
        }
        assertThat(response.status()).as("%s %s by %s: %s", attempt[0], attempt[1], who, response).isEqualTo(404);
        assertThat(response.text()).as("%s %s by %s", attempt[0], attempt[1], who)
            .doesNotContain("\tat ").doesNotContain(other.engagement() + "\",\"country");
      }
      assertThat(engine.getTaskService().createTaskQuery().taskId(other.task()).singleResult().getAssignee())
          .isNull();
    });
    Api admin = new Api(http, json, users.get("administrator"));
    for (Country country : countries.values()) {
      assertThat(admin.get("/api/engagements/" + country.engagement() + "/comments").body().path("totalItems")
          .asInt()).isZero();
      assertThat(admin.get("/api/engagements/" + country.engagement() + "/stakeholders").body().path("totalItems")
          .asInt()).isZero();
    }
  }

  @Test
  void theAdministratorSeesEveryCountry() {
    Api admin = new Api(http, json, users.get("administrator"));

    for (Country country : countries.values()) {
      assertThat(admin.get("/api/engagements/" + country.engagement()).status()).isEqualTo(200);
      assertThat(admin.get("/engine-rest/process-instance/" + country.lifecycle()).status()).isEqualTo(200);
    }
  }

  @Test
  void ourPagesShowAMinistryUserOnlyTheirCountrysWork() {
    PageSession morocco = PageSession.signIn(port, users.get("moroccan ministry"));

    String work = morocco.get("/").body();

    assertThat(work).contains("/tasks/" + countries.get("MAR").task()).doesNotContain(countries.get("RWA").task());
    assertThat(morocco.get("/tasks/" + countries.get("RWA").task()).statusCode()).isEqualTo(404);
    assertThat(morocco.get("/engagements/" + countries.get("RWA").engagement()).statusCode()).isEqualTo(404);
    assertThat(morocco.get("/portfolio").body()).contains(countries.get("MAR").engagement())
        .doesNotContain(countries.get("RWA").engagement());
  }

  @Test
  void withoutCredentialsOurApiAndTheEngineRestApiAnswer401() {
    Api anonymous = new Api(http, json, null);

    for (String path : List.of("/api/engagements", "/api/tasks", "/api/catalogue/editions", "/api/countries",
        "/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/deployment")) {
      Api.Response response = anonymous.get(path);
      assertThat(response.status()).as(path).isEqualTo(401);
      assertThat(response.entity().getHeaders().getFirst("WWW-Authenticate")).as(path).startsWith("Basic");
    }
    assertThat(anonymous.post("/api/engagements", Map.of()).status()).isEqualTo(401);
    // (not one of the matrix's users: a wrong password delays that user's next logins)
    String someone = TestUsers.create(engine, "someone", List.of("executive"), List.of("MAR"));
    assertThat(new Api(http.withBasicAuth(someone, "wrong password"), json, null)
        .get("/api/engagements").status()).isEqualTo(401);
  }

  @Test
  void aRoleThatDoesNotAllowSomethingGets403() {
    Api morocco = new Api(http, json, users.get("moroccan ministry"));
    Api worldBank = new Api(http, json, users.get("World Bank for Rwanda"));
    String rwanda = "/api/engagements/" + countries.get("RWA").engagement();

    assertThat(morocco.post("/api/engagements", Map.of("country", "TUN", "title", "Another strategy",
        "strategyEndDate", "2031-12-31")).status()).isEqualTo(403);
    assertThat(worldBank.post(rwanda + "/members", Map.of("userId", users.get("rwandan ministry"),
        "role", "stakeholder")).status()).isEqualTo(403);
    assertThat(worldBank.post(rwanda + "/strategy-period-end", null).status()).isEqualTo(403);
    Api.Response forbidden = morocco.post("/api/engagements", Map.of("country", "TUN", "title", "Another strategy",
        "strategyEndDate", "2031-12-31"));
    assertThat(forbidden.contentType()).hasToString("application/problem+json");
  }

  private String member(Api admin, String country, String role, List<String> globalRoles) {
    String user = TestUsers.create(engine, role, globalRoles, List.of());
    Api.Response added = admin.post("/api/engagements/" + countries.get(country).engagement() + "/members",
        Map.of("userId", user, "role", role));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    return user;
  }

  /** Every country the tests of this run open engagements for. */
  private static Set<String> all() {
    Set<String> all = new HashSet<>(TestCountries.CODES);
    all.addAll(List.of("MAR", "RWA", "NAM", "BHS", "ZMB"));
    return all;
  }

  private static List<String> values(JsonNode array, String... path) {
    List<String> values = new ArrayList<>();
    array.forEach(item -> {
      JsonNode node = item;
      for (String step : path) {
        node = node.path(step);
      }
      values.add(node.asText());
    });
    return values;
  }
}
