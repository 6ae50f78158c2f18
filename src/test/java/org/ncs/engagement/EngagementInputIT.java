package org.ncs.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ncs.testing.Api;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.TestCountries;
import org.ncs.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input gets a problem naming what is wrong, and changes nothing in our tables or in the engine. */
@IntegrationTest
class EngagementInputIT {

  @Autowired
  TestRestTemplate http;

  @Autowired
  ObjectMapper json;

  @Autowired
  ProcessEngine engine;

  @Autowired
  JdbcTemplate jdbc;

  Api officer;

  @BeforeEach
  void setUp() {
    officer = new Api(http, json, TestUsers.create(engine, "itu", List.of("itu-officer"), List.of()));
  }

  @Test
  void anEngagementWithInvalidFieldsIsRefusedFieldByField() {
    State before = state();

    Api.Response response = officer.post("/api/engagements", Map.of("country", "XXX", "title", "No",
        "strategyEndDate", "2020-01-01", "reportingCadence", "quarterly", "taskDurations", Map.of("Task_Nothing", "P1D")));
    Api.Response unknown = officer.post("/api/engagements", Map.of("country", "XYZ", "title", "A strategy",
        "strategyEndDate", "2031-12-31", "reportingCadence", "quarterly", "taskDurations", Map.of("Task_Nothing", "P1D")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(fields(response.body())).containsExactly("strategyEndDate", "title");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(fields(unknown.body())).containsExactlyInAnyOrder("country", "reportingCadence",
        "taskDurations.Task_Nothing");
    assertThat(unknown.body().path("errors").toString()).contains("is not an ISO 3166-1 alpha-3 country code");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void aSecondActiveEngagementForTheSameCountryAndCycleIsAConflict() {
    String country = TestCountries.next();
    Map<String, Object> request = Map.of("country", country, "title", "A strategy", "strategyEndDate", "2031-12-31");
    assertThat(officer.post("/api/engagements", request).status()).isEqualTo(201);
    State before = state();

    Api.Response again = officer.post("/api/engagements", request);

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().path("detail").asText()).contains(country + " already has an active engagement");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void anUnknownUserOrRoleIsRefusedAndNoMembershipIsCreated() {
    String id = officer.post("/api/engagements", Map.of("country", TestCountries.next(), "title", "A strategy",
        "strategyEndDate", "2031-12-31")).body().path("engagement").path("id").asText();
    String plain = TestUsers.create(engine, "plain", List.of(), List.of());
    State before = state();

    Api.Response nobody = officer.post("/api/engagements/" + id + "/members",
        Map.of("userId", "nobody-at-all", "role", "executive"));
    Api.Response badRole = officer.post("/api/engagements/" + id + "/members", Map.of("userId", plain, "role", "king"));
    Api.Response partner = officer.post("/api/engagements/" + id + "/members",
        Map.of("userId", plain, "role", "itu-officer"));

    assertThat(nobody.status()).isEqualTo(400);
    assertThat(fields(nobody.body())).containsExactly("userId");
    assertThat(badRole.status()).isEqualTo(400);
    assertThat(fields(badRole.body())).containsExactly("role");
    assertThat(partner.status()).isEqualTo(400);
    assertThat(partner.body().path("errors").get(0).path("message").asText()).contains("holds it already");
    assertThat(state()).isEqualTo(before);
    assertThat(engine.getIdentityService().createTenantQuery().userMember(plain).count()).isZero();
  }

  @Test
  void malformedJsonAndOversizedBodiesAreRefused() {
    State before = state();

    Api.Response malformed = officer.post("/api/engagements", "{\"country\": \"GHA\", \"title\": ");
    Api.Response wrongShape = officer.post("/api/engagements", "[1, 2, 3]");
    Api.Response oversized = officer.post("/api/engagements", Map.of("country", "GHA",
        "title", "x".repeat(300_000), "strategyEndDate", "2031-12-31"));

    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).hasToString("application/problem+json");
    assertThat(malformed.text()).doesNotContain("Exception");
    assertThat(wrongShape.status()).isEqualTo(400);
    assertThat(oversized.status()).isEqualTo(413);
    assertThat(oversized.body().path("title").asText()).isEqualTo("Request too large");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void invalidPagingIsRefused() {
    Api.Response response = officer.get("/api/engagements?page=-1&size=1000");

    assertThat(response.status()).isEqualTo(400);
    assertThat(fields(response.body())).containsExactly("page", "size");
  }

  /** What bad input must not change: our tables, the identity store and the engine. */
  private State state() {
    return new State(
        count("engagement"), count("engagement_member"), count("stakeholder"), count("audit_event"),
        engine.getRuntimeService().createProcessInstanceQuery().count(),
        engine.getIdentityService().createTenantQuery().count());
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  record State(long engagements, long members, long stakeholders, long auditEvents, long processInstances,
      long tenants) {
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
    return fields;
  }
}
