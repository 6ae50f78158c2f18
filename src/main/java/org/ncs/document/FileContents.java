package org.ncs.document;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of stored files live: the database by default ({@link DatabaseContents}), or a directory
 * ({@link DirectoryContents}), chosen with {@code ncs.files.store}. Both stream: no file is ever held in memory.
 */
interface FileContents {

  /** Keeps the bytes under the file's id, in the caller's transaction where the store has one. */
  void write(String fileId, InputStream content) throws IOException;

  /** The bytes kept under the id, to be read once and closed. */
  InputStream read(String fileId) throws IOException;

  /** Forgets bytes written in a transaction that then rolled back, where the rollback did not take them. */
  void discard(String fileId) throws IOException;
}
