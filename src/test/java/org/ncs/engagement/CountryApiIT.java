package org.ncs.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.springframework.http.ResponseEntity;

/** The country list comes from a Flyway migration and is read through JPA, on each database. */
@IntegrationTest
class CountryApiIT {

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
  void listsEveryIsoCountry() throws Exception {
    JsonNode countries = json.readTree(http.getForObject("/api/countries", String.class));

    assertThat(countries).hasSize(249);
    assertThat(countries.findValuesAsText("code")).contains("MAR", "RWA", "BHS", "ZMB");
  }

  @Test
  void namesACountryInTheCallersLanguage() throws Exception {
    assertThat(country("MAR", "en").path("name").asText()).isEqualTo("Morocco");
    assertThat(country("MAR", "fr").path("name").asText()).isEqualTo("Maroc");
    assertThat(country("RWA", "fr").path("name").asText()).isEqualTo("Rwanda");
  }

  @Test
  void anUnknownCodeIsA404AndAMalformedOneA400() {
    assertThat(http.getForEntity("/api/countries/XXX", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.getForEntity("/api/countries/ma", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private JsonNode country(String code, String language) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    ResponseEntity<String> response = http.exchange("/api/countries/" + code, HttpMethod.GET,
        new HttpEntity<>(headers), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }
}
