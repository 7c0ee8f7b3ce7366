package dev.stride.tester.sessions.control;

import dev.stride.tester.output.control.AtomicFile;
import dev.stride.tester.service.control.ServiceFailedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Copies Stride's CSV export ({@code GET /sessions} as {@code text/csv}) into a file byte for byte,
 * as it streams: nothing but a 64 KiB buffer is held, however many rows there are. Several users
 * are exported one after the other into the same file, under one header row. The file is replaced
 * only once the whole export has arrived.
 */
public final class SessionsExport {

  private static final byte[] HEADER =
      (String.join(",", SessionsCsv.exportHeader()) + "\r\n").getBytes(StandardCharsets.US_ASCII);

  private final SessionsClient sessions;

  public SessionsExport(SessionsClient sessions) {
    this.sessions = sessions;
  }

  /**
   * Writes the export of the query for each of these users, or of the query as it is when there are
   * none, into {@code file}; returns the number of sessions (rows below the header).
   */
  public long export(SessionsQuery query, List<String> users, Path file) {
    List<SessionsQuery> queries = queries(query, users);
    return AtomicFile.replace(
        file,
        out -> {
          long rows = 0;
          for (int i = 0; i < queries.size(); i++) {
            boolean first = i == 0;
            rows += sessions.export(queries.get(i), csv -> copy(csv, out, first, file));
          }
          return rows;
        });
  }

  /** One query for each user, or the query itself. */
  static List<SessionsQuery> queries(SessionsQuery query, List<String> users) {
    return users.isEmpty() ? List.of(query) : users.stream().map(query::forUser).toList();
  }

  /** Copies one export, its header only when asked; returns its rows. */
  private static long copy(InputStream csv, OutputStream out, boolean withHeader, Path file) {
    byte[] header = headerOf(csv);
    try {
      if (withHeader) {
        out.write(header);
      }
      var rows = new RowCount();
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = csv.read(buffer)) >= 0; ) {
        rows.count(buffer, n);
        out.write(buffer, 0, n);
      }
      if (rows.inLastRow) {
        // RFC 4180 lets the last row go without its line end; the next user's rows follow it
        out.write('\r');
        out.write('\n');
      }
      return rows.rows();
    } catch (IOException e) {
      // a read error is a ServiceFailedException (SessionsClient): this one is the file's
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static byte[] headerOf(InputStream csv) {
    var line = new ByteArrayOutputStream(HEADER.length);
    try {
      for (int b; line.size() <= 2 * HEADER.length && (b = csv.read()) >= 0; ) {
        line.write(b);
        if (b == '\n') {
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] header = line.toByteArray();
    if (!java.util.Arrays.equals(header, HEADER)) {
      throw new ServiceFailedException(
          "GET /sessions (text/csv) answered the header row '"
              + new String(header, StandardCharsets.UTF_8).strip()
              + "', not '"
              + new String(HEADER, StandardCharsets.US_ASCII).strip()
              + "' with CRLF");
    }
    return header;
  }

  /** Counts RFC 4180 rows as their bytes pass: a line end inside quotes is part of a value. */
  static final class RowCount {
    long rows;
    boolean quoted;
    boolean inLastRow;

    void count(byte[] bytes, int length) {
      for (int i = 0; i < length; i++) {
        byte b = bytes[i];
        if (b == '"') {
          // an escaped quote ("") flips twice
          quoted = !quoted;
        } else if (b == '\n' && !quoted) {
          rows++;
          inLastRow = false;
          continue;
        }
        inLastRow = true;
      }
    }

    long rows() {
      return rows + (inLastRow ? 1 : 0);
    }
  }
}
