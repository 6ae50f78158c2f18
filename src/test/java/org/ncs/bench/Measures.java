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
import org.ncs.testing.TestUsers;

/** What the benchmarks share: a request as a test user, and percentiles of the times measured. */
final class Measures {

  private Measures() {
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
