package org.ncs.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.ncs.NcsApplication;
import org.ncs.engagement.EngagementRequests.NewEngagement;
import org.ncs.engagement.EngagementRequests.NewMember;
import org.ncs.engagement.Engagements;
import org.ncs.security.CurrentUsers;
import org.ncs.testing.SampleFiles;
import org.ncs.testing.TestDatabase;
import org.ncs.testing.TestUsers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What an upload and a download of a large file keep in the service's memory, on PostgreSQL with files in the
 * database: the largest live heap (measured after a full collection, every 50 ms, while the request runs) above the
 * live heap of the idle service, for a 1 MB and a 25 MB file. The client streams from and to disk, so what is
 * measured is the service's. If the service held a file whole, the 25 MB figures would be 24 MB above the 1 MB
 * ones. Not a test: run it on its own (see the README), never inside the build.
 */
public final class UploadBenchmark {

  private static final int ROUNDS = 3;
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private final HttpClient client = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    System.setProperty(TestDatabase.PROPERTY, "postgres");
    new UploadBenchmark().run();
    System.exit(0);
  }

  private void run() throws Exception {
    String url = TestDatabase.newPostgresDatabase("the upload benchmark");
    try (ConfigurableApplicationContext service = new SpringApplicationBuilder(NcsApplication.class)
        .run("--server.port=0", "--spring.profiles.active=test", "--spring.main.banner-mode=off",
            "--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabase.postgresUsername(),
            "--spring.datasource.password=" + TestDatabase.postgresPassword(), "--logging.level.root=WARN",
            "--ncs.admin.password=" + TestDatabase.ADMIN_PASSWORD)) {
      String base = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
      ProcessEngine engine = service.getBean(ProcessEngine.class);
      CurrentUsers users = service.getBean(CurrentUsers.class);
      Engagements engagements = service.getBean(Engagements.class);
      String officer = TestUsers.create(engine, "itu", List.of("itu-officer"), List.of());
      String user = TestUsers.create(engine, "drafting", List.of(), List.of());
      String engagement = engagements.create(new NewEngagement("GHA", "A strategy", List.of(),
          LocalDate.now().plusYears(5), null, null, null, null), users.of(officer), Locale.ENGLISH)
          .engagement().id();
      engagements.addMember(engagement, new NewMember(user, "drafting-team"), users.of(officer));

      System.out.printf("%n== uploads and downloads on PostgreSQL, files in the database (%d rounds each)%n", ROUNDS);
      for (int megabytes : new int[] {1, 25, 1, 25}) {
        Path file = pdf(megabytes);
        long upload = 0;
        long download = 0;
        for (int round = 0; round < ROUNDS; round++) {
          String[] fileId = new String[1];
          upload = Math.max(upload, liveHeapAboveIdle(() -> fileId[0] = upload(base, user, engagement, file)));
          Path back = Files.createTempFile("ncs-download-", ".pdf");
          download = Math.max(download, liveHeapAboveIdle(() -> download(base, user, engagement, fileId[0], back)));
          if (Files.mismatch(file, back) != -1) {
            throw new IllegalStateException("The download differs from the upload");
          }
          Files.delete(back);
        }
        Files.delete(file);
        System.out.printf("%2d MB file: largest live heap above idle: upload %5.1f MB, download %5.1f MB%n",
            megabytes, upload / 1048576.0, download / 1048576.0);
      }
    }
  }

  /** A PDF-signed file of that many megabytes, written to disk in pieces. */
  private static Path pdf(int megabytes) throws IOException {
    Path file = Files.createTempFile("ncs-upload-", ".pdf");
    Random random = new Random(megabytes);
    byte[] piece = new byte[1024 * 1024];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < megabytes; i++) {
        random.nextBytes(piece);
        if (i == 0) {
          byte[] header = SampleFiles.pdf();
          System.arraycopy(header, 0, piece, 0, header.length);
        }
        out.write(piece);
      }
    }
    return file;
  }

  private interface Request {
    void run() throws Exception;
  }

  /** Runs the request while sampling the live heap (after a full collection) every 50 ms; the largest rise. */
  private static long liveHeapAboveIdle(Request request) throws Exception {
    long idle = live();
    AtomicLong peak = new AtomicLong(idle);
    AtomicBoolean running = new AtomicBoolean(true);
    Thread sampler = new Thread(() -> {
      while (running.get()) {
        peak.accumulateAndGet(live(), Math::max);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.start();
    try {
      request.run();
    } finally {
      running.set(false);
      sampler.join();
    }
    return peak.get() - idle;
  }

  private static long live() {
    System.gc();
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  private String upload(String base, String user, String engagement, Path file) throws Exception {
    String boundary = "----bench" + System.nanoTime();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nevidence\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nSurvey data\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"label\"\r\n\r\n1\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"survey.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n";
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/engagements/" + engagement + "/documents"))
        .header("Authorization", basic(user)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
            HttpRequest.BodyPublishers.ofFile(file),
            HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"))).build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("Upload answered " + response.statusCode() + " " + response.body());
    }
    String body = response.body();
    int at = body.indexOf("\"file\":{\"id\":\"") + 14;
    return body.substring(at, body.indexOf('"', at));
  }

  private void download(String base, String user, String engagement, String fileId, Path to) throws Exception {
    HttpResponse<Path> response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/engagements/"
        + engagement + "/files/" + fileId)).header("Authorization", basic(user)).GET().build(),
        HttpResponse.BodyHandlers.ofFile(to));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Download answered " + response.statusCode());
    }
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
  }
}
