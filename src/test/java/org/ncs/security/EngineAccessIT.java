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
import org.ncs.testing.PageSession;
import org.ncs.testing.TestCountries;
import org.ncs.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * The engine's REST API and the Camunda webapps are the administrators'. Ministry users, ITU officers and World
 * Bank co-facilitators work through the service's own API and pages, which keep countries apart and follow a
 * change of membership at the next request; in the engine's API and the webapps they find a 403 (a page that
 * says where their work is), and nothing they send there changes anything.
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
  void theWebappsAreForAdministratorsOnly() throws Exception {
    Job job = jobOf(foreign);
    String ministry = users.get("ministry");

    // the webapps' own login lets only those in: a ministry user is told no, without the engine's internals
    HttpResponse<String> refusedLogin = webappLogin(ministry);
    assertThat(refusedLogin.statusCode()).isIn(401, 403);
    assertThat(refusedLogin.body()).doesNotContain("Exception", "ENGINE-");

    // signed into our pages, the same person finds a page that says where their work is, not the webapps
    PageSession pages = PageSession.signIn(port, ministry);
    HttpResponse<String> tasklist = pages.get("/camunda/app/tasklist/default/");
    assertThat(tasklist.statusCode()).isEqualTo(403);
    assertThat(tasklist.body()).contains("This page is not open to you", "href=\"/\"").doesNotContain("Whitelabel");
    String api = "/camunda/api/engine/engine/default";
    for (String refused : List.of(api + "/task?maxResults=500", api + "/task/" + ourTask, api + "/job",
        api + "/history/user-operation", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics")) {
      HttpResponse<String> answer = pages.get(refused);
      assertThat(answer.statusCode()).as(refused).isEqualTo(403);
      assertThat(answer.body()).as(refused).doesNotContain("Identify the lead project authority", "Exception",
          "ENGINE-");
    }
    assertThat(pages.postExactly(api + "/job/" + job.getId() + "/execute", Map.of()).statusCode()).isEqualTo(403);
    assertUntouched(job);

    // an administrator keeps them
    HttpClient administrator = webappSession(admin);
    assertThat(get(administrator, api + "/task/" + ourTask).statusCode()).isEqualTo(200);
  }

  @Test
  void aRemovedMemberNoLongerSeesTheCountryAtTheirNextRequest() throws Exception {
    String member = TestUsers.create(engine, "steering", List.of(), List.of());
    Api asAdmin = new Api(http, json, admin);
    String memberId = asAdmin.post("/api/engagements/" + ours + "/members",
        Map.of("userId", member, "role", "executive")).body().path("id").asText();
    PageSession pages = PageSession.signIn(port, member);
    Api api = new Api(http, json, member);
    assertThat(pages.get("/").body()).contains("/tasks/" + ourTask);
    assertThat(pages.get("/engagements/" + ours).statusCode()).isEqualTo(200);
    assertThat(api.get("/api/tasks").body().path("items").findValuesAsText("id")).contains(ourTask);

    assertThat(asAdmin.delete("/api/engagements/" + ours + "/members/" + memberId).status()).isEqualTo(204);

    assertThat(pages.get("/").body()).doesNotContain(ourTask);
    assertThat(pages.get("/tasks/" + ourTask).statusCode()).isEqualTo(404);
    assertThat(pages.get("/engagements/" + ours).statusCode()).isEqualTo(404);
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
    HttpResponse<String> login = webappLogin(browser, user);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return browser;
  }

  private HttpResponse<String> webappLogin(String user) throws Exception {
    return webappLogin(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), user);
  }

  private HttpResponse<String> webappLogin(HttpClient browser, String user) throws Exception {
    send(browser, HttpRequest.newBuilder(url("/camunda/app/tasklist/default/")));
    return send(browser, HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrf(browser))
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + TestUsers.PASSWORD)));
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
