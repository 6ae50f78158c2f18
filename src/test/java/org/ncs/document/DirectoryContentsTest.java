package org.ncs.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryContentsTest {

  @TempDir
  Path directory;

  @Test
  void aFileComesBackAsItWasWrittenUnderItsIdOnly() throws IOException {
    DirectoryContents contents = new DirectoryContents(directory.resolve("files"));
    byte[] bytes = new byte[3 * 1024 * 1024 + 5];
    new Random(1).nextBytes(bytes);
    String id = UUID.randomUUID().toString();

    contents.write(id, new ByteArrayInputStream(bytes));

    try (InputStream read = contents.read(id)) {
      assertThat(read.readAllBytes()).isEqualTo(bytes);
    }
    try (var files = Files.list(directory.resolve("files"))) {
      assertThat(files.map(path -> path.getFileName().toString())).containsExactly(id);
    }
  }

  @Test
  void aWriteThatFailsHalfWayLeavesNothingBehind() throws IOException {
    DirectoryContents contents = new DirectoryContents(directory);
    InputStream failing = new InputStream() {
      private int left = 100_000;

      // fails for good once cut: InputStream's bulk read swallows a failure after its first byte, and a stream
      // that went on after it would be endless
      @Override
      public int read() throws IOException {
        if (left-- <= 0) {
          throw new IOException("the upload was cut");
        }
        return 1;
      }
    };

    assertThatThrownBy(() -> contents.write("some-id", failing)).isInstanceOf(IOException.class);
    try (var files = Files.list(directory)) {
      assertThat(files).isEmpty();
    }
    assertThatThrownBy(() -> contents.read("some-id")).isInstanceOf(NoSuchFileException.class);
  }
}
