package org.ncs.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.ncs.NcsApplication;
import org.ncs.testing.SqlStatements;
import org.ncs.testing.TestDatabase;
import org.ncs.testing.TestUsers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the benchmarks share: the service started on a fresh PostgreSQL database, a request as a test user, and
 * percentiles of the times measured.
 */
final class Measures {

  private Measures() {
  }

  /** The service on a database of its own (created for the purpose), on a free port, counting its statements. */
  static ConfigurableApplicationContext service(String purpose) {
    String url = TestDatabase.newPostgresDatabase(purpose);
    return new SpringApplicationBuilder(NcsApplication.class, SqlStatements.class).run("--server.port=0",
        "--spring.profiles.active=test", "--spring.main.banner-mode=off", "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + TestDatabase.postgresUsername(),
        "--spring.datasource.password=" + TestDatabase.postgresPassword(), "--logging.level.root=WARN",
        "--ncs.admin.password=" + TestDatabase.ADMIN_PASSWORD);
  }

  /** Where the service answers. */
  static String base(ConfigurableApplicationContext service) {
    return "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
  }

  /** A GET as the user (HTTP Basic) that must answer 200; the bytes of the answer. */
  static int get(HttpClient client, String url, String user) {
    try {
      HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD)
              .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + response.statusCode());
      }
      return response.body().length;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The percentile of times in nanoseconds, in milliseconds. */
  static double percentile(List<Long> nanos, int percentile) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1e6;
  }
}
