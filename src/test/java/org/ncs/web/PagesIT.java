package org.ncs.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ncs.security.Roles;
import org.ncs.testing.Api;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.PageSession;
import org.ncs.testing.TestCountries;
import org.ncs.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the pages answer, below the browser: sign-in first, one country's pages never for another, every form
 * with its CSRF token, the content security policy, assets cached for good, and errors as pages (the API keeps its
 * problem details).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesIT {

  @Autowired
  TestRestTemplate http;

  @Autowired
  ObjectMapper json;

  @Autowired
  ProcessEngine engine;

  @LocalServerPort
  int port;

  String ours;
  String theirs;
  String ourTask;
  String theirTask;
  String executive;

  /** Once for the class, in the first test's run: the engine's coverage records each test's engine work. */
  @BeforeEach
  void twoCountries() {
    if (ours != null) {
      return;
    }
    Api officer = new Api(http, json, TestUsers.create(engine, "itu", List.of(Roles.ITU_OFFICER), List.of()));
    ours = officer.post("/api/engagements", Map.of("country", TestCountries.next(), "title", "Our strategy",
        "strategyEndDate", "2031-12-31")).body().path("engagement").path("id").asText();
    theirs = officer.post("/api/engagements", Map.of("country", TestCountries.next(), "title", "Their strategy",
        "strategyEndDate", "2031-12-31")).body().path("engagement").path("id").asText();
    executive = TestUsers.create(engine, "executive", List.of(), List.of());
    assertThat(officer.post("/api/engagements/" + ours + "/members", Map.of("userId", executive, "role",
        "executive")).status()).isEqualTo(201);
    ourTask = firstTask(ours);
    theirTask = firstTask(theirs);
  }

  @Test
  void aPageWithoutASessionSendsToTheSignInPageAndBack() throws Exception {
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/engagements/" + ours)).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
  }

  @Test
  void anotherCountrysEngagementTaskAndDiagramAreNotFoundAndNothingOfThemChanges() {
    PageSession session = PageSession.signIn(port, executive);
    assertThat(session.get("/engagements/" + ours).statusCode()).isEqualTo(200);
    assertThat(session.get("/tasks/" + ourTask).statusCode()).isEqualTo(200);

    HttpResponse<String> unknown = session.get("/tasks/00000000-0000-0000-0000-000000000000");
    for (String path : List.of("/engagements/" + theirs, "/engagements/" + theirs + "/diagrams/P1",
        "/tasks/" + theirTask)) {
      HttpResponse<String> page = session.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(404);
      assertThat(page.body()).as(path).doesNotContain("Their strategy", "Identify the lead project authority",
          "Exception");
    }
    // another country's task reads exactly like one that never existed, but for its id
    assertThat(session.get("/tasks/" + theirTask).body().replace(theirTask, "ID"))
        .isEqualTo(unknown.body().replace("00000000-0000-0000-0000-000000000000", "ID"));

    for (String write : List.of("/tasks/" + theirTask + "/claim", "/tasks/" + theirTask,
        "/tasks/" + theirTask + "/comments", "/engagements/" + theirs + "/comments")) {
      assertThat(session.post(write, Map.of("body", "a comment", "leadAuthorityName", "Agency")).statusCode())
          .as(write).isEqualTo(404);
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(theirTask).singleResult().getAssignee()).isNull();
    assertThat(engine.getTaskService().getTaskComments(theirTask)).isEmpty();
    assertThat(new Api(http, json, TestUsers.create(engine, "admin", List.of(Roles.ADMIN), List.of()))
        .get("/api/engagements/" + theirs + "/comments").body().path("totalItems").asInt()).isZero();
  }

  @Test
  void aPageFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
    PageSession session = PageSession.signIn(port, executive);
    session.get("/tasks/" + ourTask);

    HttpResponse<String> forged = session.postExactly("/tasks/" + ourTask + "/claim", Map.of());

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(ourTask).singleResult().getAssignee()).isNull();
    assertThat(session.post("/tasks/" + ourTask + "/claim", Map.of()).statusCode()).isEqualTo(302);
    assertThat(engine.getTaskService().createTaskQuery().taskId(ourTask).singleResult().getAssignee())
        .isEqualTo(executive);
    assertThat(session.post("/tasks/" + ourTask + "/unclaim", Map.of()).statusCode()).isEqualTo(302);
  }

  @Test
  void pagesRunNoScriptOrStyleOfTheirOwnAndCannotBeFramed() {
    HttpResponse<String> page = PageSession.signIn(port, executive).get("/");

    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
        .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
        .doesNotContain("unsafe-eval").doesNotContainPattern("script-src[^;]*unsafe-inline"));
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("<style", "onclick=");
  }

  @Test
  void assetsAreNamedByTheirContentAndKeptForAYear() throws Exception {
    String page = PageSession.anonymous(port).get("/login").body();
    Matcher stylesheet = Pattern.compile("href=\"(/css/app-[0-9a-f]{32}\\.css)\"").matcher(page);
    assertThat(stylesheet.find()).as("a stylesheet named by its content").isTrue();

    HttpResponse<String> css = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + stylesheet.group(1))).header("Accept-Encoding", "gzip").build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Cache-Control")).hasValueSatisfying(cache ->
        assertThat(cache).contains("max-age=31536000"));
    assertThat(css.headers().firstValue("Content-Encoding")).hasValue("gzip");
  }

  @Test
  void anUnknownPageIsAPageInThePersonsLanguageAndTheApiKeepsItsProblems() {
    PageSession session = PageSession.signIn(port, executive);
    session.post("/language", Map.of("lang", "fr", "return", "/"));

    HttpResponse<String> page = session.get("/no-such-page");

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("text/html"));
    assertThat(page.body()).contains("lang=\"fr\"").doesNotContain("Whitelabel", "Exception");
    Api.Response api = new Api(http, json, executive).get("/api/no-such-resource");
    assertThat(api.status()).isEqualTo(404);
    assertThat(api.contentType().toString()).isEqualTo("application/problem+json");
  }

  @Test
  void aChosenLanguageIsRememberedForTheNextSession() {
    String person = TestUsers.create(engine, "executive", List.of(), List.of());
    PageSession first = PageSession.signIn(port, person);
    first.get("/");
    assertThat(first.post("/language", Map.of("lang", "ar", "return", "/guide")).headers().firstValue("Location"))
        .hasValueSatisfying(to -> assertThat(to).endsWith("/guide"));

    String page = PageSession.signIn(port, person).get("/").body();

    assertThat(page).contains("lang=\"ar\"", "dir=\"rtl\"");
  }

  @Test
  void theLanguageSwitcherGoesBackOnlyToThisService() {
    PageSession session = PageSession.signIn(port, executive);
    session.get("/");

    for (String elsewhere : List.of("https://example.org/", "//example.org/", "/\\example.org")) {
      assertThat(session.post("/language", Map.of("lang", "es", "return", elsewhere)).headers().firstValue("Location"))
          .as(elsewhere).hasValueSatisfying(to -> assertThat(to).doesNotContain("example.org"));
    }
  }

  private String firstTask(String engagement) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(engagement).singleResult().getId();
  }
}
