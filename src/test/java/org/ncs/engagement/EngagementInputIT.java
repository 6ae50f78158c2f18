package org.ncs.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ncs.testing.Api;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.TestCountries;
import org.ncs.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
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
  void aMinistryRoleIsHeldForOneCountryOnlyWhilePartnersWorkForMany() {
    String first = TestCountries.next();
    String second = TestCountries.next();
    String ours = open(first);
    String theirs = open(second);
    String official = TestUsers.create(engine, "official", List.of(), List.of());
    String partner = TestUsers.create(engine, "partner", List.of("itu-officer"), List.of());
    assertThat(officer.post("/api/engagements/" + ours + "/members", Map.of("userId", official,
        "role", "lead-authority")).status()).isEqualTo(201);
    assertThat(officer.post("/api/engagements/" + ours + "/members", Map.of("userId", partner,
        "role", "itu-officer")).status()).isEqualTo(201);
    assertThat(officer.post("/api/engagements/" + theirs + "/members", Map.of("userId", partner,
        "role", "itu-officer")).status()).isEqualTo(201);
    State before = state();

    // the lead authority of one country would otherwise be the lead authority of the other one too
    Api.Response elsewhere = officer.post("/api/engagements/" + theirs + "/members", Map.of("userId", official,
        "role", "drafting-team"));
    // a partner's country list would otherwise carry a ministry role into every country they work for
    Api.Response ministryForPartner = officer.post("/api/engagements/" + ours + "/members", Map.of("userId", partner,
        "role", "stakeholder"));

    assertThat(elsewhere.status()).isEqualTo(400);
    assertThat(fields(elsewhere.body())).containsExactly("userId");
    assertThat(elsewhere.body().path("errors").get(0).path("message").asText())
        .contains("already takes part for " + first);
    assertThat(ministryForPartner.status()).isEqualTo(400);
    assertThat(ministryForPartner.body().path("errors").get(0).path("message").asText())
        .contains("already takes part for " + second);
    assertThat(state()).isEqualTo(before);
    assertThat(engine.getIdentityService().createTenantQuery().userMember(official).list())
        .extracting(tenant -> tenant.getId()).containsExactly(first);
    // more roles in the same country are fine
    assertThat(officer.post("/api/engagements/" + ours + "/members", Map.of("userId", official,
        "role", "steering-committee")).status()).isEqualTo(201);
  }

  private String open(String country) {
    return officer.post("/api/engagements", Map.of("country", country, "title", "A strategy",
        "strategyEndDate", "2031-12-31")).body().path("engagement").path("id").asText();
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
  void valuesOfTheWrongKindOrOutOfRangeAreRefusedNamingTheFieldAndWhatItTakes() {
    State before = state();

    Api.Response numberForDate = officer.post("/api/engagements",
        "{\"country\": \"GHA\", \"title\": \"A strategy\", \"strategyEndDate\": 20321231}");
    Api.Response numberForText = officer.post("/api/engagements",
        "{\"country\": \"GHA\", \"title\": 12345, \"strategyEndDate\": \"2031-12-31\"}");
    Api.Response misspelt = officer.post("/api/engagements",
        "{\"country\": \"GHA\", \"title\": \"A strategy\", \"strategyEnddate\": \"2031-12-31\"}");
    Api.Response trailing = officer.post("/api/engagements",
        "{\"country\": \"GHA\", \"title\": \"A strategy\", \"strategyEndDate\": \"2031-12-31\"} trailing");
    Api.Response farFuture = officer.post("/api/engagements", Map.of("country", "GHA", "title", "A strategy",
        "strategyEndDate", "+999999999-12-31"));
    Api.Response hugePeriods = officer.post("/api/engagements", Map.of("country", "GHA", "title", "A strategy",
        "strategyEndDate", "2031-12-31", "reportingCadence", "P999999999Y", "gracePeriod", "P0D",
        "taskDurations", Map.of("Task_DraftStrategy", "P20Y")));

    assertThat(numberForDate.status()).isEqualTo(400);
    assertThat(numberForDate.body().path("errors").get(0).path("field").asText()).isEqualTo("strategyEndDate");
    assertThat(numberForDate.body().path("errors").get(0).path("message").asText())
        .isEqualTo("must be a date (yyyy-mm-dd)");
    assertThat(numberForDate.body().path("detail").asText()).contains("line 1, column");
    assertThat(numberForText.body().path("errors").get(0).path("message").asText()).isEqualTo("must be text");
    assertThat(misspelt.body().path("errors").get(0).path("field").asText()).isEqualTo("strategyEnddate");
    assertThat(misspelt.body().path("errors").get(0).path("message").asText())
        .isEqualTo("is not a field of this request");
    assertThat(trailing.status()).isEqualTo(400);
    assertThat(trailing.contentType()).hasToString("application/problem+json");
    assertThat(farFuture.status()).isEqualTo(400);
    assertThat(hugePeriods.status()).isEqualTo(400);
    assertThat(hugePeriods.body().path("errors")).extracting(error -> error.path("field").asText() + ": "
        + error.path("message").asText()).containsExactlyInAnyOrder(
            "reportingCadence: must be an ISO 8601 period from P1M to P2Y, such as P3M",
            "gracePeriod: must be an ISO 8601 period from P1D to P6M, such as P7D",
            "taskDurations.Task_DraftStrategy: must be an ISO 8601 period from P1D to P5Y, such as P120D");
    assertThat(List.of(numberForDate, numberForText, misspelt, trailing, farFuture, hugePeriods))
        .allSatisfy(response -> assertThat(response.text()).doesNotContain("Exception", "com.fasterxml"));
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void aCallerWhoReadsFrenchGetsEveryPartOfTheProblemInFrench() throws Exception {
    Properties french = new Properties();
    try (var in = new InputStreamReader(new ClassPathResource("messages_fr.properties").getInputStream(),
        StandardCharsets.UTF_8)) {
      french.load(in);
    }

    Api.Response response = officer.inLanguage("fr").post("/api/engagements", Map.of("country", "maroc",
        "title", "Stratégie nationale", "strategyEndDate", "2020-12-31"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().path("title").asText()).as(response.text()).isEqualTo(french.getProperty("problem.title.400"));
    assertThat(response.body().path("detail").asText())
        .isEqualTo(french.getProperty("problem.manyInvalid").replace("{0}", "2"));
    // the service's own messages and Bean Validation's, alike
    assertThat(response.body().path("errors")).extracting(error -> error.path("message").asText())
        .containsExactlyInAnyOrder(french.getProperty("validation.countryCode"),
            french.getProperty("jakarta.validation.constraints.Future.message"));
  }

  @Test
  void aQueryParameterOfTheWrongKindSaysWhatItTakes() {
    Api.Response date = officer.get("/api/tasks?dueBefore=2026-12-01");
    Api.Response instant = officer.get("/api/tasks?dueBefore=2026-12-01T00:00:00Z");
    Api.Response usDate = officer.get("/api/tasks?dueBefore=12/01/2026");
    Api.Response farFuture = officer.get("/api/tasks?dueBefore=%2B999999999-12-31T00:00:00Z");
    Api.Response notABoolean = officer.get("/api/tasks?overdue=maybe");

    assertThat(date.status()).isEqualTo(200);
    assertThat(instant.status()).isEqualTo(200);
    assertThat(usDate.status()).isEqualTo(400);
    assertThat(usDate.body().path("errors").get(0).path("field").asText()).isEqualTo("dueBefore");
    assertThat(usDate.body().path("errors").get(0).path("message").asText()).startsWith("must be a date (yyyy-mm-dd)");
    assertThat(farFuture.status()).isEqualTo(400);
    assertThat(notABoolean.body().path("errors").get(0).path("message").asText()).isEqualTo("must be true or false");
  }

  @Test
  void aCommentsFieldIsNamedAsInTheBody() {
    String id = officer.post("/api/engagements", Map.of("country", TestCountries.next(), "title", "A strategy",
        "strategyEndDate", "2031-12-31")).body().path("engagement").path("id").asText();

    Api.Response blank = officer.post("/api/engagements/" + id + "/comments", Map.of("body", " "));

    assertThat(blank.status()).isEqualTo(400);
    assertThat(fields(blank.body())).containsExactly("body");
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
