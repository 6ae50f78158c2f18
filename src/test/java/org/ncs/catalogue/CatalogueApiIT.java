package org.ncs.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class CatalogueApiIT {

  @Autowired
  TestRestTemplate anonymous;

  @Autowired
  ProcessEngine engine;

  TestRestTemplate http;

  @BeforeEach
  void signIn() {
    http = TestUsers.reader(anonymous, engine);
  }

  @Autowired
  ObjectMapper json;

  @Test
  void listsTheEditionsWithTheirCounts() throws Exception {
    JsonNode editions = getJson("/api/catalogue/editions");

    assertThat(editions).hasSize(1);
    JsonNode edition = editions.get(0);
    assertThat(edition.path("key").asText()).isEqualTo("2021");
    assertThat(edition.path("revision").asText()).hasSize(12);
    assertThat(edition.path("counts").toString())
        .isEqualTo("{\"phases\":5,\"steps\":20,\"principles\":9,\"focusAreas\":7,\"elements\":34}");
  }

  @Test
  void theEditionShowsItsRoles() throws Exception {
    JsonNode edition = getJson("/api/catalogue/editions/2021");

    assertThat(edition.path("edition").path("title").asText())
        .isEqualTo("Guide to Developing a National Cybersecurity Strategy");
    assertThat(texts(edition.path("roles"), "key")).containsExactly("executive", "lead-authority",
        "steering-committee", "drafting-team", "stakeholder", "me-body");
  }

  @Test
  void returnsTheFivePhasesInOrderWithTheirSteps() throws Exception {
    JsonNode phases = getJson("/api/catalogue/editions/2021/phases");

    assertThat(texts(phases, "title")).containsExactly("Initiation", "Stocktaking and analysis", "Production",
        "Implementation", "Monitoring and evaluation");
    assertThat(texts(phases, "ordinal")).containsExactly("1", "2", "3", "4", "5");
    assertThat(texts(phases.get(2).path("steps"), "id")).containsExactly("P3.S1", "P3.S2", "P3.S3", "P3.S4");
    JsonNode consult = phases.get(2).path("steps").get(1);
    assertThat(consult.path("number").asText()).isEqualTo("3.3.2");
    assertThat(consult.path("title").asText()).isEqualTo("Consulting with a broad range of stakeholders");
    assertThat(consult.path("role").asText()).isEqualTo("stakeholder");
    assertThat(consult.path("confidence").asText()).isEqualTo("recalled");
  }

  @Test
  void returnsTheNinePrinciplesAndSevenFocusAreasWithEveryElement() throws Exception {
    JsonNode principles = getJson("/api/catalogue/editions/2021/principles");
    JsonNode areas = getJson("/api/catalogue/editions/2021/focus-areas");

    assertThat(texts(principles, "number")).containsExactly("4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8",
        "4.9");
    assertThat(texts(areas, "number")).containsExactly("5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7");
    List<String> elements = new ArrayList<>();
    areas.forEach(area -> elements.addAll(texts(area.path("elements"), "number")));
    assertThat(elements).hasSize(34).doesNotHaveDuplicates().contains("5.1.1", "5.3.5", "5.6.4", "5.6.6", "5.7.4");
  }

  @Test
  void returnsOneElementWithItsFocusArea() throws Exception {
    JsonNode element = getJson("/api/catalogue/editions/2021/elements/FA6.E4");

    assertThat(element.path("element").path("title").asText()).isEqualTo("Create compliance mechanisms");
    assertThat(element.path("element").path("number").asText()).isEqualTo("5.6.4");
    assertThat(element.path("element").path("confidence").asText()).isEqualTo("verified");
    assertThat(element.path("focusArea").path("id").asText()).isEqualTo("FA6");
  }

  @Test
  void returnsOneStepWithItsPhase() throws Exception {
    JsonNode step = getJson("/api/catalogue/editions/2021/steps/P1.S4");

    assertThat(step.path("step").path("title").asText()).isEqualTo("Planning the development of the Strategy");
    assertThat(step.path("phase").path("id").asText()).isEqualTo("P1");
  }

  @Test
  void anUnchangedEditionIsRevalidatedWithout304Body() {
    ResponseEntity<String> first = http.getForEntity("/api/catalogue/editions/2021/focus-areas", String.class);
    String etag = first.getHeaders().getETag();
    HttpHeaders headers = new HttpHeaders();
    headers.setIfNoneMatch(etag);

    ResponseEntity<String> second = http.exchange("/api/catalogue/editions/2021/focus-areas", HttpMethod.GET,
        new HttpEntity<>(headers), String.class);

    assertThat(etag).startsWith("\"2021-");
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
    assertThat(second.getBody()).isNull();
  }

  @Test
  void anUnknownEditionIsA404Problem() throws Exception {
    assertProblem("/api/catalogue/editions/1999/phases", HttpStatus.NOT_FOUND, "There is no edition '1999'");
  }

  @Test
  void anUnknownElementOrStepIsA404Problem() throws Exception {
    assertProblem("/api/catalogue/editions/2021/elements/FA6.E9", HttpStatus.NOT_FOUND, "no element 'FA6.E9'");
    assertProblem("/api/catalogue/editions/2021/steps/P9.S1", HttpStatus.NOT_FOUND, "no step 'P9.S1'");
  }

  @Test
  void aMalformedIdIsA400ProblemNamingTheField() throws Exception {
    JsonNode problem = assertProblem("/api/catalogue/editions/2021/elements/FA6 E4'", HttpStatus.BAD_REQUEST,
        "One field is invalid");

    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("elementId");
    assertThat(problem.path("errors").get(0).path("message").asText()).contains("letters, digits");
  }

  @Test
  void aUrlTheFirewallRefusesIsA400ProblemToo() throws Exception {
    assertProblem("/api/catalogue/editions/2021/elements/FA6.E4;jsessionid=1", HttpStatus.BAD_REQUEST,
        "characters this service does not accept");
  }

  private JsonNode assertProblem(String path, HttpStatus status, String detail) throws Exception {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = json.readTree(response.getBody());
    assertThat(problem.path("status").asInt()).isEqualTo(status.value());
    assertThat(problem.path("detail").asText()).contains(detail);
    assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("\tat ");
    return problem;
  }

  private JsonNode getJson(String path) throws Exception {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.path(field).asText()));
    return values;
  }
}
