package dev.stride.tester.sessions.control;

import dev.stride.tester.output.control.CsvOutput;
import dev.stride.tester.sessions.entity.Session;
import dev.stride.tester.sessions.entity.StoredSession;
import java.io.Closeable;
import java.io.IOException;
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
import org.apache.commons.csv.CSVPrinter;

/**
 * Sessions as CSV rows: {@code sessions.csv} holds every session sent with the status the service
 * answered, an export holds sessions as the service stored them.
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

  private final CSVPrinter csv;

  private SessionsCsv(CSVPrinter csv) {
    this.csv = csv;
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
    return new SessionsCsv(output.create(SENT_FILE, sentHeader()));
  }

  /** Creates the file of an export. */
  public static SessionsCsv exported(CsvOutput output) {
    return new SessionsCsv(output.create(EXPORT_FILE, exportHeader()));
  }

  /**
   * Writes sessions with the status that answered them; safe to call from many threads. The rows
   * are formatted by the calling thread and appended to the file in one piece.
   */
  public void writeSent(List<Session> sessions, int status) {
    var rows = new StringBuilder(sessions.size() * 200);
    String answered = Integer.toString(status);
    try {
      for (var session : sessions) {
        CsvOutput.ROWS.printRecord(
            rows,
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
      synchronized (this) {
        csv.getOut().append(rows);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + SENT_FILE + ": " + e.getMessage(), e);
    }
  }

  public synchronized void writeStored(List<StoredSession> sessions) {
    try {
      for (var session : sessions) {
        csv.printRecord(
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
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + EXPORT_FILE + ": " + e.getMessage(), e);
    }
  }

  private static String utc(String timestamp) {
    return timestamp == null ? null : OffsetDateTime.parse(timestamp).toInstant().toString();
  }

  /** The distinct users of a sessions CSV (one with a {@code userId} column), in file order. */
  public static List<String> userIdsIn(Path file) {
    var users = new LinkedHashSet<String>();
    var format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
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
      csv.close(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write CSV: " + e.getMessage(), e);
    }
  }
}
