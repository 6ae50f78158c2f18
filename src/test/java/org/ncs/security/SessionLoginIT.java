package org.ncs.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.ncs.testing.IntegrationTest;
import org.ncs.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A browser logs in with a form, keeps a session, and must send the CSRF token with every write. */
@IntegrationTest
class SessionLoginIT {

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @Autowired
  ProcessEngine engine;

  @LocalServerPort
  int port;

  @Test
  void aSessionReadsFreelyButWritesOnlyWithTheCsrfToken() throws Exception {
    String user = TestUsers.create(engine, "itu", List.of(Roles.ITU_OFFICER), List.of());
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

    String page = send(browser, HttpRequest.newBuilder(url("/login")).build()).body();
    Matcher csrf = CSRF_FIELD.matcher(page);
    assertThat(csrf.find()).as("login form with a CSRF field").isTrue();
    HttpResponse<String> login = send(browser, HttpRequest.newBuilder(url("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
            + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
        .build());
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

    assertThat(send(browser, HttpRequest.newBuilder(url("/api/engagements")).build()).statusCode()).isEqualTo(200);
    String body = "{\"country\":\"KEN\",\"title\":\"Kenya strategy\",\"strategyEndDate\":\"2031-12-31\"}";
    HttpResponse<String> forged = send(browser, HttpRequest.newBuilder(url("/api/engagements"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(forged.statusCode()).isEqualTo(403);
    // not "your role does not allow this": the role is fine, the token is missing, and this is how to send it
    assertThat(forged.body()).contains("CSRF token", "X-XSRF-TOKEN").doesNotContain("role");

    String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    HttpResponse<String> genuine = send(browser, HttpRequest.newBuilder(url("/api/engagements?size=1"))
        .header("X-XSRF-TOKEN", token).GET().build());
    assertThat(genuine.statusCode()).isEqualTo(200);
    HttpResponse<String> write = send(browser, HttpRequest.newBuilder(url("/api/engagements"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("{\"country\":\"XXX\"}")).build());
    assertThat(write.statusCode()).as("past CSRF, refused by validation").isEqualTo(400);
  }

  @Test
  void aRefusedSignInExplainsTheLockOutWithoutTellingALockedAccountOrAnExistingUserApart() throws Exception {
    String user = TestUsers.create(engine, "itu", List.of(Roles.ITU_OFFICER), List.of());
    HttpClient client = HttpClient.newHttpClient();

    HttpResponse<String> wrong = basic(client, user, "not-the-password");
    HttpResponse<String> rightButLocked = basic(client, user, TestUsers.PASSWORD);
    HttpResponse<String> stranger = basic(client, "nobody-" + user, TestUsers.PASSWORD);

    assertThat(List.of(wrong, rightButLocked, stranger)).allSatisfy(refused -> {
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    });
    // the user learns that a failed sign-in locks the account for a while, and for how long
    assertThat(wrong.body()).contains("locked", "3 seconds", "60 seconds", "after 10");
    // the right password does not get past the lock, nor tell an attacker that it was right
    assertThat(rightButLocked.body()).isEqualTo(wrong.body());
    assertThat(stranger.body()).isEqualTo(wrong.body());

    engine.getIdentityService().unlockUser(user);
    assertThat(basic(client, user, TestUsers.PASSWORD).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> basic(HttpClient client, String user, String password) throws Exception {
    String credentials = java.util.Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8));
    return send(client, HttpRequest.newBuilder(url("/api/engagements?size=1"))
        .header("Authorization", "Basic " + credentials).build());
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static HttpResponse<String> send(HttpClient browser, HttpRequest request) throws Exception {
    return browser.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
