package org.ncs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/** What a newcomer sees after starting the service: health, info, API docs and the Camunda webapps. */
@IntegrationTest
class ServiceIT {

  @Autowired
  TestRestTemplate http;

  @Autowired
  ObjectMapper json;

  @LocalServerPort
  int port;

  @Test
  void healthIsUpAndReportsTheDatabaseAndTheEngine() throws Exception {
    JsonNode health = json.readTree(http.getForObject("/actuator/health", String.class));

    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("processEngine").path("status").asText()).isEqualTo("UP");
  }

  @Test
  void infoShowsTheServiceAndEngineVersions() throws Exception {
    JsonNode info = json.readTree(http.getForObject("/actuator/info", String.class));

    assertThat(info.path("build").path("version").asText()).isNotBlank();
    assertThat(info.path("build").path("artifact").asText()).isEqualTo("ncs-lifecycle-service");
    assertThat(info.path("engine").path("version").asText()).isEqualTo("7.24.0");
    assertThat(info.has("java")).isFalse();
  }

  @Test
  void theApiIsDocumentedInOpenApiAndSwaggerUi() throws Exception {
    JsonNode docs = json.readTree(http.getForObject("/v3/api-docs", String.class));

    assertThat(docs.path("paths").has("/api/catalogue/editions")).isTrue();
    assertThat(docs.path("paths").has("/api/catalogue/editions/{edition}/elements/{elementId}")).isTrue();
    assertThat(docs.path("paths").has("/api/countries")).isTrue();
    assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theCamundaWebappsAcceptTheAdministratorsLogin() throws Exception {
    String password = TestDatabase.ADMIN_PASSWORD;
    assertThat(login("admin", password).statusCode()).isEqualTo(200);
    assertThat(login("admin", password).body()).contains("\"userId\":\"admin\"").contains("tasklist");
    assertThat(login("admin", "not-the-password").statusCode()).isEqualTo(401);
  }

  /** Logs into Cockpit the way the browser does: fetch the page for its CSRF cookie, then post the form. */
  private HttpResponse<String> login(String user, String password) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port + "/camunda";
    browser.send(HttpRequest.newBuilder(URI.create(base + "/app/cockpit/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String csrf = cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst().orElseThrow();
    return browser.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default/login/cockpit"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-XSRF-TOKEN", csrf)
            .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
