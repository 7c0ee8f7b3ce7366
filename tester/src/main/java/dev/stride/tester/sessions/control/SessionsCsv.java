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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * Sessions as CSV rows: {@code sessions.csv} holds every session sent with the status the service
 * answered, an export holds sessions as the service stored them. Rows are formatted by Commons CSV
 * in the calling thread, encoded as UTF-8, and appended to the file in one piece per request, so
 * that many workers can write at 100,000 rows a second.
 */
public final class SessionsCsv implements Closeable {

  public static final String SENT_FILE = "sessions.csv";
  public static final String EXPORT_FILE = "export.csv";

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
    return header("status");
  }

  public static String[] exportHeader() {
    return header("createdAt");
  }

  private static String[] header(String last) {
    var header = new ArrayList<>(List.of(FIELDS));
    header.add(last);
    return header.toArray(String[]::new);
  }

  /** Creates {@code sessions.csv} for the sessions a simulation sends. */
  public static SessionsCsv sent(CsvOutput output) {
    return new SessionsCsv(output, SENT_FILE, sentHeader());
  }

  /** Creates the file of an export. */
  public static SessionsCsv exported(CsvOutput output) {
    return new SessionsCsv(output, EXPORT_FILE, exportHeader());
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

  /** Writes sessions as the service returned them; safe to call from many threads. */
  public void writeStored(List<StoredSession> sessions) {
    var rows = new Rows(sessions.size());
    for (var session : sessions) {
      rows.add(
          session.id(),
          session.userId(),
          session.activity(),
          utc(session.startedAt()),
          session.durationSeconds(),
          session.distanceMeters(),
          session.calories(),
          session.avgHeartRate(),
          session.maxHeartRate(),
          session.notes(),
          utc(session.createdAt()));
    }
    append(rows);
  }

  private synchronized void append(Rows rows) {
    try {
      rows.bytes.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String utc(String timestamp) {
    return timestamp == null ? null : OffsetDateTime.parse(timestamp).toInstant().toString();
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
