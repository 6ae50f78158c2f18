package org.ncs.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Files in the database, in chunks of 1 MiB: writing and reading hold one chunk at a time, on H2 and PostgreSQL
 * alike (neither streams a single large column both ways). Written in the transaction that records the file.
 */
class DatabaseContents implements FileContents {

  static final int CHUNK = 1024 * 1024;

  private final JdbcTemplate jdbc;

  DatabaseContents(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void write(String fileId, InputStream content) throws IOException {
    int seq = 0;
    for (byte[] chunk = content.readNBytes(CHUNK); chunk.length > 0; chunk = content.readNBytes(CHUNK)) {
      jdbc.update("insert into stored_file_chunk (file_id, seq, data) values (?, ?, ?)", fileId, seq++, chunk);
    }
  }

  /** Nothing to do: the chunks were written in the transaction that rolled back. */
  @Override
  public void discard(String fileId) {
  }

  @Override
  public InputStream read(String fileId) {
    return new InputStream() {
      private int seq;
      private byte[] chunk = new byte[0];
      private int position;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] target, int offset, int length) {
        if (length == 0) {
          return 0;
        }
        if (position == chunk.length && !next()) {
          return -1;
        }
        int count = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, target, offset, count);
        position += count;
        return count;
      }

      /** The next chunk, one statement each: a download holds one chunk, not the file. */
      private boolean next() {
        List<byte[]> found = jdbc.query("select data from stored_file_chunk where file_id = ? and seq = ?",
            (row, n) -> row.getBytes(1), fileId, seq);
        if (found.isEmpty()) {
          return false;
        }
        seq++;
        chunk = found.get(0);
        position = 0;
        return chunk.length > 0 || next();
      }
    };
  }
}
