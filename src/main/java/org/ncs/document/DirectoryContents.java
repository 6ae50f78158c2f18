package org.ncs.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files in a directory (a volume every node mounts), one per stored file, named by its id: nothing of the
 * uploaded name reaches the file system. A file is written under a temporary name and then moved into place, so a
 * reader never sees half of one.
 */
class DirectoryContents implements FileContents {

  private final Path directory;

  DirectoryContents(Path directory) throws IOException {
    this.directory = Files.createDirectories(directory);
  }

  @Override
  public void write(String fileId, InputStream content) throws IOException {
    Path partial = Files.createTempFile(directory, fileId, ".partial");
    try {
      Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, path(fileId), StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  @Override
  public InputStream read(String fileId) throws IOException {
    return Files.newInputStream(path(fileId));
  }

  @Override
  public void discard(String fileId) throws IOException {
    Files.deleteIfExists(path(fileId));
  }

  private Path path(String fileId) {
    // ids are UUIDs made by the service, never anything a caller sent
    return directory.resolve(fileId);
  }
}
