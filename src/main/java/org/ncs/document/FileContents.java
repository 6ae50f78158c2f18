package org.ncs.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the bytes of stored files live: the database by default ({@link DatabaseContents}), a directory
 * ({@link DirectoryContents}) or an S3-compatible object store ({@link ObjectStoreContents}), chosen with
 * {@code ncs.files.store}. All stream: no file is ever held in memory.
 */
interface FileContents {

  /** Keeps the bytes under the file's id, in the caller's transaction where the store has one. */
  void write(String fileId, InputStream content) throws IOException;

  /** Keeps the bytes of a local file (an upload, once checked) under the file's id. */
  default void write(String fileId, Path source) throws IOException {
    try (InputStream in = Files.newInputStream(source)) {
      write(fileId, in);
    }
  }

  /** The bytes kept under the id, to be read once and closed. */
  InputStream read(String fileId) throws IOException;

  /** Forgets bytes written in a transaction that then rolled back, where the rollback did not take them. */
  void discard(String fileId) throws IOException;
}
