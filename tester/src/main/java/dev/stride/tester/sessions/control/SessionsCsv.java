package dev.stride.tester.sessions.control;

import dev.stride.tester.output.control.CsvOutput;
import dev.stride.tester.sessions.entity.Session;
import dev.stride.tester.sessions.entity.StoredSession;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * Sessions as CSV rows: {@code sessions.csv} holds every session sent with the status the service
 * answered; the columns and cells of Stride's own export are those of {@link #exportHeader()} and
 * {@link #exportCells}. Rows are formatted by Commons CSV in the calling thread, encoded as UTF-8,
 * and appended to the file in one piece per request, so that many workers can write at 100,000 rows
 * a second.
 */
public final class SessionsCsv implements Closeable {

  public static final String SENT_FILE = "sessions.csv";

  private static final String[] FIELDS = {
    "id",
    "userId",
    "activity",
    "startedAt",
    "durationSeconds",
    "distanceMeters",
    "calories",
    "avgHeartRate",
    "maxHeartRate",
    "notes"
  };

  private final Path file;
  private final OutputStream out;

  private SessionsCsv(CsvOutput output, String fileName, String[] header) {
    this.file = output.folder().resolve(fileName);
    this.out = output.createStream(fileName);
    var rows = new Rows(1);
    rows.add((Object[]) header);
    append(rows);
  }

  public static String[] sentHeader() {
    var header = new ArrayList<>(List.of(FIELDS));
    header.add("status");
    return header.toArray(String[]::new);
  }

  /** The columns of Stride's CSV export, which {@code export} and {@code sync} write. */
  public static String[] exportHeader() {
    var header = new ArrayList<>(List.of(FIELDS));
    header.add("createdAt");
    header.add("updatedAt");
    return header.toArray(String[]::new);
  }

  /** Creates {@code sessions.csv} for the sessions a simulation sends. */
  public static SessionsCsv sent(CsvOutput output) {
    return new SessionsCsv(output, SENT_FILE, sentHeader());
  }

  /** Writes sessions with the status that answered them; safe to call from many threads. */
  public void writeSent(List<Session> sessions, int status) {
    var rows = new Rows(sessions.size());
    String answered = Integer.toString(status);
    for (var session : sessions) {
      rows.add(
          session.id().toString(),
          session.userId(),
          session.activity().wireName(),
          UtcTimestamps.of(session.startedAt()),
          Integer.toString(session.durationSeconds()),
          session.distanceMeters(),
          session.calories(),
          session.avgHeartRate(),
          session.maxHeartRate(),
          session.notes(),
          answered);
    }
    append(rows);
  }

  /**
   * The cells of a session in the columns of {@link #exportHeader()}, as Stride's export writes
   * them: timestamps as in JSON, numbers as Java writes them ({@code 7500.0}, as JSON-P writes a
   * double), an empty cell for an absent value and for empty notes.
   */
  public static String[] exportCells(StoredSession session) {
    return new String[] {
      session.id(),
      session.userId(),
      session.activity(),
      timestamp(session.startedAt()),
      text(session.durationSeconds()),
      session.distanceMeters() == null ? "" : Double.toString(session.distanceMeters()),
      text(session.calories()),
      text(session.avgHeartRate()),
      text(session.maxHeartRate()),
      session.notes() == null ? "" : session.notes(),
      timestamp(session.createdAt()),
      timestamp(session.updatedAt())
    };
  }

  private static String text(Long value) {
    return value == null ? "" : value.toString();
  }

  private synchronized void append(Rows rows) {
    try {
      rows.bytes.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** A timestamp as in JSON, which the contract has in UTC with {@code Z}. */
  private static String timestamp(String timestamp) {
    return timestamp == null ? "" : timestamp;
  }

  /** The distinct users of a sessions CSV (one with a {@code userId} column), in file order. */
  public static List<String> userIdsIn(Path file) {
    var users = new LinkedHashSet<String>();
    var format = CsvOutput.ROWS.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        var parser = format.parse(reader)) {
      if (!parser.getHeaderMap().containsKey("userId")) {
        throw new IOException("no userId column");
      }
      parser.forEach(row -> users.add(row.get("userId")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return List.copyOf(users);
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Rows formatted one by one (a row outside Latin-1 keeps its UTF-16 to itself) into UTF-8. */
  private static final class Rows {
    private static final CSVFormat FORMAT = CsvOutput.ROWS;
    final ByteArrayOutputStream bytes;

    Rows(int rows) {
      bytes = new ByteArrayOutputStream(rows * 220);
    }

    void add(Object... values) {
      var row = new StringBuilder(256);
      try {
        FORMAT.printRecord(row, values);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bytes.writeBytes(row.toString().getBytes(StandardCharsets.UTF_8));
    }
  }
}
