package org.ncs.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ncs.testing.Api;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.TestCountries;
import org.ncs.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * The engine's REST API and the Camunda webapps are the administrators'. Ministry users, ITU officers and World
 * Bank co-facilitators work through the service's API; in the webapps they have the Tasklist with their own tasks
 * and nothing else: no jobs, no aggregates across countries, no identity history, no Cockpit or Admin. What is
 * left to them keeps countries apart, answers another country's task exactly like an unknown one, and follows
 * a change of membership at the next request.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineAccessIT {

  @Autowired
  TestRestTemplate http;

  @Autowired
  ObjectMapper json;

  @Autowired
  ProcessEngine engine;

  @LocalServerPort
  int port;

  String admin;
  String ours;
  String foreign;
  String ourTask;
  String foreignTask;
  String foreignLifecycle;
  final Map<String, String> users = new LinkedHashMap<>();

  @BeforeEach
  void twoCountries() {
    if (admin != null) {
      return;
    }
    admin = TestUsers.create(engine, "admin", List.of(Roles.ADMIN), List.of());
    Api asAdmin = new Api(http, json, admin);
    ours = open(asAdmin);
    foreign = open(asAdmin);
    ourTask = firstTask(ours);
    foreignTask = firstTask(foreign);
    foreignLifecycle = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(foreign)
        .processDefinitionKey("ncs-lifecycle").singleResult().getId();
    users.put("ministry", member(asAdmin, ours, "executive", List.of()));
    users.put("ITU officer", member(asAdmin, ours, Roles.ITU_OFFICER, List.of(Roles.ITU_OFFICER)));
    users.put("World Bank", member(asAdmin, ours, Roles.WB_COFACILITATOR, List.of(Roles.WB_COFACILITATOR)));
  }

  @Test
  void theEngineRestApiAnswers403ToAllButAdministrators() {
    Job job = jobOf(foreign);
    List<Object[]> calls = List.of(
        new Object[] {HttpMethod.GET, "/engine-rest/task", null},
        new Object[] {HttpMethod.GET, "/engine-rest/process-instance", null},
        new Object[] {HttpMethod.GET, "/engine-rest/job", null},
        new Object[] {HttpMethod.GET, "/engine-rest/history/user-operation", null},
        new Object[] {HttpMethod.GET, "/engine-rest/history/process-definition/"
            + job.getProcessDefinitionId() + "/statistics", null},
        new Object[] {HttpMethod.POST, "/engine-rest/job/" + job.getId() + "/execute", null},
        new Object[] {HttpMethod.PUT, "/engine-rest/job/" + job.getId() + "/suspended", Map.of("suspended", true)},
        new Object[] {HttpMethod.DELETE, "/engine-rest/task/" + foreignTask, null},
        new Object[] {HttpMethod.GET, "/engine-rest/deployment", null});
    users.forEach((who, user) -> {
      Api api = new Api(http, json, user);
      for (Object[] call : calls) {
        Api.Response response = api.exchange((HttpMethod) call[0], (String) call[1], call[2]);
        assertThat(response.status()).as("%s %s by %s", call[0], call[1], who).isEqualTo(403);
        assertThat(response.contentType()).hasToString("application/problem+json");
        assertThat(response.body().path("detail").asText()).contains("administrators", "/api");
      }
    });
    Api administrator = new Api(http, json, admin);
    assertThat(administrator.get("/engine-rest/task").status()).isEqualTo(200);
    assertThat(administrator.get("/engine-rest/job?processInstanceId=" + job.getProcessInstanceId()).status())
        .isEqualTo(200);
    assertUntouched(job);
  }

  @Test
  void aMinistryUserHasTheTasklistWithTheirOwnTasksAndNothingElseOfTheWebapps() throws Exception {
    Job job = jobOf(foreign);
    HttpClient browser = webappSession(users.get("ministry"));
    String api = "/camunda/api/engine/engine/default";

    HttpResponse<String> tasks = get(browser, api + "/task?maxResults=500");
    assertThat(tasks.statusCode()).isEqualTo(200);
    assertThat(json.readTree(tasks.body()).findValuesAsText("id")).contains(ourTask).doesNotContain(foreignTask);
    assertThat(get(browser, api + "/task/" + ourTask).statusCode()).isEqualTo(200);
    // another country's task and one that never existed: the same answer, word for word
    HttpResponse<String> theirs = get(browser, api + "/task/" + foreignTask);
    HttpResponse<String> nobodys = get(browser, api + "/task/" + "00000000-0000-0000-0000-000000000000");
    assertThat(theirs.statusCode()).isEqualTo(404);
    assertThat(theirs.body()).isEqualTo(nobodys.body());
    assertThat(get(browser, api + "/task/" + foreignTask + "/variables").body()).isEqualTo(nobodys.body());

    for (String forbidden : List.of(api + "/job", api + "/history/user-operation",
        api + "/history/process-definition/" + job.getProcessDefinitionId() + "/statistics",
        api + "/process-instance/" + foreignLifecycle + "/variables", api + "/incident",
        "/camunda/api/cockpit/plugin/base/default/process-definition/statistics", "/camunda/api/admin/setup/default/user/create")) {
      HttpResponse<String> refused = get(browser, forbidden);
      assertThat(refused.statusCode()).as(forbidden).isEqualTo(403);
      assertThat(refused.body()).as(forbidden).doesNotContain("Exception", "ENGINE-");
    }
    HttpResponse<String> execute = send(browser, HttpRequest.newBuilder(url(api + "/job/" + job.getId() + "/execute"))
        .header("X-XSRF-TOKEN", csrf(browser)).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(execute.statusCode()).isEqualTo(403);
    assertUntouched(job);

    // Cockpit and Admin are not offered: a page that says so, not a bare error
    HttpResponse<String> cockpit = get(browser, "/camunda/app/cockpit/default/");
    assertThat(cockpit.statusCode()).isEqualTo(403);
    assertThat(cockpit.body()).contains("This page is not open to you").doesNotContain("Whitelabel");
  }

  @Test
  void aRemovedMemberNoLongerSeesTheCountryAtTheirNextRequest() throws Exception {
    String member = TestUsers.create(engine, "steering", List.of(), List.of());
    Api asAdmin = new Api(http, json, admin);
    String memberId = asAdmin.post("/api/engagements/" + ours + "/members",
        Map.of("userId", member, "role", "executive")).body().path("id").asText();
    HttpClient browser = webappSession(member);
    Api api = new Api(http, json, member);
    String tasks = "/camunda/api/engine/engine/default/task?maxResults=500";
    assertThat(json.readTree(get(browser, tasks).body()).findValuesAsText("id")).contains(ourTask);
    assertThat(api.get("/api/tasks").body().path("items").findValuesAsText("id")).contains(ourTask);

    assertThat(asAdmin.delete("/api/engagements/" + ours + "/members/" + memberId).status()).isEqualTo(204);

    assertThat(json.readTree(get(browser, tasks).body()).findValuesAsText("id")).doesNotContain(ourTask);
    assertThat(get(browser, "/camunda/api/engine/engine/default/task/" + ourTask).statusCode()).isEqualTo(404);
    assertThat(api.get("/api/tasks").body().path("items").findValuesAsText("id")).doesNotContain(ourTask);
    assertThat(api.get("/api/engagements/" + ours).status()).isEqualTo(404);
  }

  /** Neither run, nor failed, nor suspended: a refused request changed nothing of the job. */
  private void assertUntouched(Job before) {
    Job now = engine.getManagementService().createJobQuery().jobId(before.getId()).singleResult();
    assertThat(now.getRetries()).isEqualTo(before.getRetries());
    assertThat(now.getExceptionMessage()).isNull();
    assertThat(now.isSuspended()).isFalse();
  }

  private Job jobOf(String engagement) {
    String instance = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(engagement).singleResult()
        .getProcessInstanceId();
    return engine.getManagementService().createJobQuery().processInstanceId(instance).timers().list().get(0);
  }

  private String open(Api asAdmin) {
    Api.Response created = asAdmin.post("/api/engagements", Map.of("country", TestCountries.next(),
        "title", "A strategy", "strategyEndDate", "2031-12-31"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.body().path("engagement").path("id").asText();
  }

  private String firstTask(String engagement) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(engagement).singleResult().getId();
  }

  private String member(Api asAdmin, String engagement, String role, List<String> globalRoles) {
    String user = TestUsers.create(engine, role, globalRoles, List.of());
    assertThat(asAdmin.post("/api/engagements/" + engagement + "/members", Map.of("userId", user, "role", role))
        .status()).isEqualTo(201);
    return user;
  }

  /** Signs into the webapps like a browser (Tasklist login), keeping the session and CSRF cookies. */
  private HttpClient webappSession(String user) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    send(browser, HttpRequest.newBuilder(url("/camunda/app/tasklist/default/")));
    HttpResponse<String> login = send(browser, HttpRequest.newBuilder(
            url("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrf(browser))
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + TestUsers.PASSWORD)));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return browser;
  }

  private static String csrf(HttpClient browser) {
    return ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();
  }

  private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
    return send(browser, HttpRequest.newBuilder(url(path)).header("Accept", "application/json, text/html"));
  }

  private static HttpResponse<String> send(HttpClient browser, HttpRequest.Builder request) throws Exception {
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
