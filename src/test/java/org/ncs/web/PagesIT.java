package org.ncs.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
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
import org.ncs.testing.SampleFiles;
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
  String officerId;

  /** Once for the class, in the first test's run: the engine's coverage records each test's engine work. */
  @BeforeEach
  void twoCountries() {
    if (ours != null) {
      return;
    }
    officerId = TestUsers.create(engine, "itu", List.of(Roles.ITU_OFFICER), List.of());
    Api officer = new Api(http, json, officerId);
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
    // another country's task reads exactly like one that never existed, but for its id (and the CSRF token, masked
    // afresh on every page)
    assertThat(withoutTokens(session.get("/tasks/" + theirTask).body()).replace(theirTask, "ID"))
        .contains("This page does not exist, or it is not yours to see.")
        .isEqualTo(withoutTokens(unknown.body()).replace("00000000-0000-0000-0000-000000000000", "ID"));

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
  void theEngagementPageManagesTheTeamAndTheRegistryByTheApisRules() {
    PageSession officer = PageSession.signIn(port, officerId);
    officer.get("/engagements/" + ours);
    Api api = new Api(http, json, officerId);
    int members = api.get("/api/engagements/" + ours).body().path("members").size();

    assertThat(officer.post("/engagements/" + ours + "/members", Map.of("userId", "nobody-of-this-service",
        "role", "executive")).statusCode()).isEqualTo(302);
    String refused = officer.get("/engagements/" + ours).body();
    assertThat(refused).contains("id=\"member-user-error\"", "value=\"nobody-of-this-service\"");
    assertThat(api.get("/api/engagements/" + ours).body().path("members").size()).isEqualTo(members);

    officer.post("/engagements/" + ours + "/stakeholders", Map.of("organisation", "Chamber of Commerce",
        "category", "private-sector", "contactEmail", "not an address"));
    assertThat(officer.get("/engagements/" + ours).body()).contains("id=\"s-email-error\"");
    officer.post("/engagements/" + ours + "/stakeholders", Map.of("organisation", "Chamber of Commerce",
        "category", "private-sector"));
    assertThat(officer.get("/engagements/" + ours).body()).contains("Chamber of Commerce",
        "The stakeholder is registered.");
    assertThat(api.get("/api/engagements/" + ours + "/stakeholders").body().path("items").findValuesAsText(
        "organisation")).containsOnlyOnce("Chamber of Commerce");

    // the executive reads the team and the registry but does not manage them
    PageSession ministry = PageSession.signIn(port, executive);
    assertThat(ministry.get("/engagements/" + ours).body()).contains("Chamber of Commerce")
        .doesNotContain("name=\"organisation\"", "name=\"userId\"");
    assertThat(ministry.post("/engagements/" + ours + "/stakeholders", Map.of("organisation", "Forged",
        "category", "academia")).statusCode()).isEqualTo(403);
    assertThat(api.get("/api/engagements/" + ours + "/stakeholders").body().toString()).doesNotContain("Forged");
  }

  @Test
  void everyCommentCanBeReadOnTheEngagementPageAndInItsHistory() {
    Api api = new Api(http, json, officerId);
    String busy = api.post("/api/engagements", Map.of("country", TestCountries.next(), "title", "A busy strategy",
        "strategyEndDate", "2031-12-31")).body().path("engagement").path("id").asText();
    for (int i = 1; i <= 105; i++) {
      assertThat(api.post("/api/engagements/" + busy + "/comments", Map.of("body", "Remark %03d".formatted(i)))
          .status()).isEqualTo(201);
    }
    PageSession officer = PageSession.signIn(port, officerId);

    assertThat(officer.get("/engagements/" + busy).body()).contains("Remark 105", "1 of 3")
        .doesNotContain("Remark 055");
    assertThat(officer.get("/engagements/" + busy + "?comments=2").body()).contains("Remark 001", "3 of 3");
    // the history quotes each comment, the oldest ones too
    int lastPage = api.get("/api/engagements/" + busy + "/history?size=25").body().path("totalPages").asInt() - 1;
    assertThat(officer.get("/engagements/" + busy + "?history=" + lastPage).body()).contains("Remark 001");
    List<String> quoted = new ArrayList<>();
    for (int page = 0; page < 2; page++) {
      api.get("/api/engagements/" + busy + "/history?size=100&page=" + page).body().path("items").forEach(entry -> {
        if (entry.path("action").asText().equals("COMMENT_ADDED")) {
          quoted.add(entry.path("comment").asText());
        }
      });
    }
    assertThat(quoted).hasSize(105).contains("Remark 001", "Remark 105").doesNotContain("", "null");
  }

  @Test
  void aTaskAColleagueCompletedSaysWhoAndWhenOnThePage() {
    Api officer = new Api(http, json, officerId);
    String engagement = officer.post("/api/engagements", Map.of("country", TestCountries.next(),
        "title", "A strategy", "strategyEndDate", "2031-12-31")).body().path("engagement").path("id").asText();
    String colleague = TestUsers.create(engine, "executive", List.of(), List.of());
    String person = TestUsers.create(engine, "executive", List.of(), List.of());
    for (String user : List.of(colleague, person)) {
      assertThat(officer.post("/api/engagements/" + engagement + "/members", Map.of("userId", user,
          "role", "executive")).status()).isEqualTo(201);
    }
    String task = firstTask(engagement);
    PageSession page = PageSession.signIn(port, person);
    assertThat(page.get("/tasks/" + task).statusCode()).isEqualTo(200);
    assertThat(new Api(http, json, colleague).post("/api/tasks/" + task + "/complete", Map.of("variables",
        Map.of("leadAuthorityName", "National Cyber Agency", "mandateReference", "Decree 2027-3"))).status())
        .isEqualTo(204);

    HttpResponse<String> sent = page.post("/tasks/" + task, Map.of("leadAuthorityName", "Another agency",
        "mandateReference", "Decree 2027-4"));

    assertThat(sent.statusCode()).isEqualTo(404);
    assertThat(sent.body()).contains("was completed by " + colleague);
  }

  @Test
  void theDocumentsPageUploadsVersionsAndSaysWhatItRefusesBesideTheFile() {
    PageSession session = PageSession.signIn(port, executive);
    assertThat(session.get("/engagements/" + ours).body()).contains("/engagements/" + ours + "/documents");
    session.get("/engagements/" + ours + "/documents");

    HttpResponse<String> refused = session.postFile("/engagements/" + ours + "/documents", Map.of("kind",
        "strategy-draft", "title", "Draft strategy", "label", "0.9"), "draft.docx", SampleFiles.pdf());
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(session.get("/engagements/" + ours + "/documents").body())
        .contains("id=\"d-file-error\"", "value=\"Draft strategy\"").doesNotContain("Version 0.9");
    byte[] huge = new byte[26 * 1024 * 1024];
    System.arraycopy(SampleFiles.pdf(), 0, huge, 0, SampleFiles.pdf().length);
    session.postFile("/engagements/" + ours + "/documents", Map.of("kind", "evidence", "title", "Survey",
        "label", "1"), "survey.pdf", huge);
    assertThat(session.get("/engagements/" + ours + "/documents").body()).contains("must be at most 25 MB");

    session.postFile("/engagements/" + ours + "/documents", Map.of("kind", "strategy-draft",
        "title", "Draft strategy", "label", "0.9"), "draft.pdf", SampleFiles.pdf());
    String listed = session.get("/engagements/" + ours + "/documents").body();
    assertThat(listed).contains("The document is added.", "Draft strategy", "Version 0.9", "Download draft.pdf");
    String document = new Api(http, json, executive).get("/api/engagements/" + ours + "/documents").body().get(0)
        .path("id").asText();
    session.postFile("/engagements/" + ours + "/documents/" + document + "/versions", Map.of("label", "1.0",
        "changeNote", "After the consultation"), "draft-1.0.docx", SampleFiles.docx());
    assertThat(session.get("/engagements/" + ours + "/documents").body()).contains("Version 1.0",
        "After the consultation", "Download draft-1.0.docx");
    assertThat(session.get("/engagements/" + ours).body()).contains("added version 1.0 of “Draft strategy”");
    assertThat(PageSession.signIn(port, executive).get("/engagements/" + theirs + "/documents").statusCode())
        .isEqualTo(404);
  }

  @Test
  void aPageFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
    PageSession session = PageSession.signIn(port, executive);
    session.get("/tasks/" + ourTask);

    HttpResponse<String> forged = session.postExactly("/tasks/" + ourTask + "/claim", Map.of());

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("This form has expired or did not come from this service&#39;s own page.")
        .doesNotContain("Your role");
    assertThat(engine.getTaskService().createTaskQuery().taskId(ourTask).singleResult().getAssignee()).isNull();
    assertThat(session.post("/tasks/" + ourTask + "/claim", Map.of()).statusCode()).isEqualTo(302);
    assertThat(engine.getTaskService().createTaskQuery().taskId(ourTask).singleResult().getAssignee())
        .isEqualTo(executive);
    assertThat(session.post("/tasks/" + ourTask + "/unclaim", Map.of()).statusCode()).isEqualTo(302);
  }

  @Test
  void basicCredentialsABrowserKeptDoNotLetAnotherSitesPageChangeAnything() {
    String administrator = TestUsers.create(engine, "admin", List.of(Roles.ADMIN), List.of());
    Map<String, String> forgeries = Map.of(
        "/tasks/" + ourTask + "/claim", executive,
        "/api/tasks/" + ourTask + "/claim", executive,
        "/engine-rest/task/" + ourTask + "/claim", administrator);
    forgeries.forEach((path, user) -> {
      HttpResponse<String> forged = crossSitePost(path, user, "userId=" + user);
      assertThat(forged.statusCode()).as(path).isEqualTo(403);
      assertThat(engine.getTaskService().createTaskQuery().taskId(ourTask).singleResult().getAssignee()).as(path)
          .isNull();
    });
    assertThat(crossSitePost("/engine-rest/task/" + ourTask + "/claim", administrator, "{}").body())
        .contains("another site");
    // the same credentials from a script, which sends no Fetch Metadata, still work
    assertThat(new Api(http, json, executive).post("/api/tasks/" + ourTask + "/claim", null).status()).isEqualTo(204);
    assertThat(new Api(http, json, executive).post("/api/tasks/" + ourTask + "/unclaim", null).status())
        .isEqualTo(204);
  }

  /** What a browser sends for another site's form, with the Basic credentials it once prompted for. */
  private HttpResponse<String> crossSitePost(String path, String user, String body) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Authorization", "Basic " + credentials).header("Sec-Fetch-Site", "cross-site")
          .header("Content-Type", "text/plain").header("Accept", "text/html,application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
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
    assertThat(api.body().path("detail").asText()).isEqualTo("There is no such resource for you.");
  }

  @Test
  void aScriptGetsProblemDetailsForAnAddressOutsideTheApiToo() {
    Api script = new Api(http, json, executive).inLanguage("fr");
    for (String path : List.of("/no-such-page", "/assets/no-such.css", "/webjars/no-such.js")) {
      Api.Response response = script.get(path);
      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(response.contentType().toString()).as(path).isEqualTo("application/problem+json");
      assertThat(response.body().path("title").asText()).as(path).isEqualTo("Introuvable");
      assertThat(response.body().path("instance").asText()).as(path).isEqualTo(path);
      assertThat(response.body().has("timestamp")).as(path).isFalse();
    }
    // what the actuator has beyond health and info is for administrators, whether it exists or not
    Api.Response actuator = script.get("/actuator/loggers");
    assertThat(actuator.status()).isEqualTo(403);
    assertThat(actuator.contentType().toString()).isEqualTo("application/problem+json");
    assertThat(actuator.body().path("instance").asText()).isEqualTo("/actuator/loggers");
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
    HttpResponse<String> braces = session.post("/language", Map.of("lang", "es", "return", "/guide?q={x}"));
    assertThat(braces.statusCode()).isEqualTo(302);
    assertThat(braces.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to)
        .endsWith("/guide?q=%7Bx%7D"));
  }

  private static String withoutTokens(String page) {
    return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "name=\"_csrf\"");
  }

  private String firstTask(String engagement) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(engagement).singleResult().getId();
  }
}
