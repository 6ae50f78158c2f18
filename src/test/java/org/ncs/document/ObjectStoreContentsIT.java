package org.ncs.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files in an S3-compatible object store, through the AWS SDK as in production, against s3rver (a small
 * S3-compatible server that the build installs from the npm registry into {@code target/s3rver}).
 */
class ObjectStoreContentsIT {

  static final String BUCKET = "ncs-files";

  @TempDir
  static Path data;

  static Process server;
  static int port;

  @BeforeAll
  static void startServer() throws Exception {
    Path script = Path.of("target", "s3rver", "node_modules", "s3rver", "bin", "s3rver.js");
    assertThat(script).as("s3rver, installed by the build (npm) before the integration tests").exists();
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    server = new ProcessBuilder("node", script.toString(), "--directory", data.toString(), "--port",
        String.valueOf(port), "--configure-bucket", BUCKET, "--silent")
        .redirectErrorStream(true).redirectOutput(data.resolve("s3rver.log").toFile()).start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        assertThat(Instant.now()).as("s3rver listening: %s", Files.exists(data.resolve("s3rver.log"))
            ? Files.readString(data.resolve("s3rver.log")) : "").isBefore(deadline);
        Thread.sleep(200);
      }
    }
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.destroy();
    }
  }

  ObjectStoreContents contents(String prefix) {
    System.setProperty("aws.accessKeyId", "S3RVER");
    System.setProperty("aws.secretAccessKey", "S3RVER");
    return new ObjectStoreContents(BUCKET, prefix, "us-east-1", "http://127.0.0.1:" + port, true);
  }

  @Test
  void aFileComesBackAsItWasWrittenAndIsGoneOnceDiscarded(@TempDir Path dir) throws IOException {
    ObjectStoreContents store = contents("engagements/");
    byte[] bytes = new byte[3 * 1024 * 1024 + 5];
    new Random(7).nextBytes(bytes);
    Path upload = Files.write(dir.resolve("upload.bin"), bytes);
    String id = UUID.randomUUID().toString();

    store.write(id, upload);

    try (InputStream read = store.read(id)) {
      assertThat(read.readAllBytes()).isEqualTo(bytes);
    }
    // the object is named by the prefix and the id only
    try (var files = Files.walk(data)) {
      assertThat(files.map(Path::toString)).anyMatch(path -> path.contains("engagements/" + id));
    }
    store.discard(id);
    assertThatThrownBy(() -> store.read(id)).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aStreamOfUnknownLengthIsStoredToo() throws IOException {
    ObjectStoreContents store = contents("");
    byte[] bytes = "%PDF-1.4 a small file".getBytes();
    String id = UUID.randomUUID().toString();

    store.write(id, new ByteArrayInputStream(bytes));

    try (InputStream read = store.read(id)) {
      assertThat(read.readAllBytes()).isEqualTo(bytes);
    }
  }

  @Test
  void aStoreThatCannotBeReachedIsAnIoFailureNotAnSdkOne() {
    ObjectStoreContents unreachable = new ObjectStoreContents(BUCKET, "", "us-east-1", "http://127.0.0.1:9", true);

    assertThatThrownBy(() -> unreachable.read("some-id")).isInstanceOf(IOException.class);
  }
}
