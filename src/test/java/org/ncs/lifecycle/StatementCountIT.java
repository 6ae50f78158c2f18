package org.ncs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.ncs.security.Roles;
import org.ncs.testing.Api;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.PageSession;
import org.ncs.testing.SqlStatements;
import org.ncs.testing.TestCountries;
import org.ncs.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What one request costs the database, counted statement by statement (authentication included): bounded, and
 * the same for a page of one item as for a page of many, so that no list reads its items one by one.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatementCountIT {

  static final int ENGAGEMENTS = 6;

  @Autowired
  TestRestTemplate http;

  @Autowired
  ObjectMapper json;

  @Autowired
  ProcessEngine engine;

  Api executive;
  String executiveId;
  String officerId;

  @LocalServerPort
  int port;

  /** One executive in several countries, each with its first task waiting for them. */
  @BeforeEach
  void engagements() {
    if (executive != null) {
      return;
    }
    officerId = TestUsers.create(engine, "itu", List.of("itu-officer"), List.of());
    Api officer = new Api(http, json, officerId);
    // one executive who sees every country's first task: a ministry role is held in one country only through
    // engagements, so the identity store gives this one its group and countries directly
    List<String> countries = new ArrayList<>();
    for (int i = 0; i < ENGAGEMENTS; i++) {
      String country = TestCountries.next();
      assertThat(officer.post("/api/engagements", Map.of("country", country, "title", "A strategy",
          "strategyEndDate", "2031-12-31")).status()).isEqualTo(201);
      countries.add(country);
    }
    String person = TestUsers.create(engine, "executive", List.of("executive"), countries);
    executive = new Api(http, json, person);
    executiveId = person;
  }

  @Test
  @Order(1)
  void theInboxCostsAFewStatementsWhateverThePageSize() {
    long onePerPage = statements("/api/tasks?size=1", 1);
    long allOnOnePage = statements("/api/tasks?size=" + ENGAGEMENTS, ENGAGEMENTS);

    assertThat(allOnOnePage).isEqualTo(onePerPage).isLessThanOrEqualTo(15);
  }

  @Test
  @Order(1)
  void theEngagementListCostsAFewStatementsWhateverThePageSize() {
    long onePerPage = statements("/api/engagements?size=1", 1);
    long allOnOnePage = statements("/api/engagements?size=" + ENGAGEMENTS, ENGAGEMENTS);

    assertThat(allOnOnePage).isEqualTo(onePerPage).isLessThanOrEqualTo(5);
  }

  @Test
  @Order(2)
  void aTaskAndItsCompletionAreBounded() {
    String taskId = executive.get("/api/tasks?size=1").body().path("items").get(0).path("id").asText();
    String sameTaskElsewhere = executive.get("/api/tasks?size=2").body().path("items").get(1).path("id").asText();

    SqlStatements.Counted<Api.Response> detail = SqlStatements.count(() -> executive.get("/api/tasks/" + taskId));
    SqlStatements.Counted<Api.Response> completion = SqlStatements.count(() -> executive.post(
        "/api/tasks/" + taskId + "/complete", Map.of("variables", Map.of(
            "leadAuthorityName", "National Cyber Agency", "mandateReference", "Decree 2027-3"))));

    assertThat(detail.result().status()).isEqualTo(200);
    assertThat(detail.statements()).isLessThanOrEqualTo(12);
    assertThat(completion.result().status()).as(completion.result().toString()).isEqualTo(204);
    // the engine's own work, our outcome and audit records, and the next task announced (the outbox)
    assertThat(completion.statements()).isLessThanOrEqualTo(63);
    // the engine's own REST API (administrators only) completing the same task of another lifecycle, for comparison
    Api admin = new Api(http, json, TestUsers.create(engine, "admin", List.of(Roles.ADMIN), List.of()));
    SqlStatements.Counted<Api.Response> baseline = SqlStatements.count(() -> admin.post(
        "/engine-rest/task/" + sameTaskElsewhere + "/complete", Map.of("variables", Map.of(
            "leadAuthorityName", Map.of("value", "National Cyber Agency"),
            "mandateReference", Map.of("value", "Decree 2027-3")))));
    assertThat(baseline.result().status()).as(baseline.result().toString()).isEqualTo(204);
    System.out.printf("completion: %d SQL statements; through /engine-rest: %d%n", completion.statements(),
        baseline.statements());
  }

  /** My work, the portfolio and an engagement's page: the same statements for one row as for many. */
  @Test
  @Order(1)
  void thePagesCostAFewStatementsWhateverHowMuchTheyList() {
    String otherOfficer = TestUsers.create(engine, "itu", List.of("itu-officer"), List.of());
    Api other = new Api(http, json, otherOfficer);
    String single = other.post("/api/engagements", Map.of("country", TestCountries.next(), "title", "A strategy",
        "strategyEndDate", "2031-12-31")).body().path("engagement").path("id").asText();
    String person = TestUsers.create(engine, "executive", List.of(), List.of());
    other.post("/api/engagements/" + single + "/members", Map.of("userId", person, "role", "executive"));

    long workOfSix = page(PageSession.signIn(port, executiveId), "/", ENGAGEMENTS);
    long workOfOne = page(PageSession.signIn(port, person), "/", 1);
    long portfolioOfSix = page(PageSession.signIn(port, officerId), "/portfolio", ENGAGEMENTS);
    long portfolioOfOne = page(PageSession.signIn(port, otherOfficer), "/portfolio", 1);
    long engagement = page(PageSession.signIn(port, person), "/engagements/" + single, 1);

    assertThat(workOfSix).isEqualTo(workOfOne).isLessThanOrEqualTo(15);
    assertThat(portfolioOfSix).isEqualTo(portfolioOfOne).isLessThanOrEqualTo(15);
    // its lifecycle (instances, diagrams, open tasks), team, stakeholders, comments and history: a query or two each
    assertThat(engagement).isLessThanOrEqualTo(30);
  }

  /** A page's statements; {@code rows} the table rows it lists, to be sure it lists what it was meant to. */
  private long page(PageSession session, String path, int rows) {
    SqlStatements.Counted<HttpResponse<String>> counted = SqlStatements.count(() -> session.get(path));
    assertThat(counted.result().statusCode()).as(path).isEqualTo(200);
    if (!path.startsWith("/engagements/")) {
      assertThat(counted.result().body().split("<tr", -1)).as(path).hasSize(rows + 2);
    }
    System.out.printf("page %s: %d SQL statements%n", path, counted.statements());
    return counted.statements();
  }

  private long statements(String path, int expectedItems) {
    SqlStatements.Counted<Api.Response> counted = SqlStatements.count(() -> executive.get(path));
    assertThat(counted.result().status()).as(counted.result().toString()).isEqualTo(200);
    assertThat(counted.result().body().path("items")).as(path).hasSize(expectedItems);
    System.out.printf("%s: %d SQL statements%n", path, counted.statements());
    return counted.statements();
  }
}
