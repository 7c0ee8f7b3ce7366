package dev.stride.sessions.boundary;

import dev.stride.sessions.control.SessionFinder;
import dev.stride.sessions.control.SessionQuery;
import dev.stride.sessions.entity.Session;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV export of sessions (contract: "Export"): a header row, then every matching session as it
 * streams from the database, written by Commons CSV in RFC 4180 (CRLF line ends, quotes only where
 * a value needs them). Values are written as they are, as the contract wants: a notes cell that
 * starts with {@code =} stays a formula for a spreadsheet (the README warns).
 */
public final class SessionsCsv {
  /** The media type of the export. */
  public static final String MEDIA_TYPE = "text/csv";

  /** The input fields in the contract's order, then when the session was stored and changed. */
  public static final List<String> HEADER =
      Stream.concat(SessionInput.FIELDS.stream(), Stream.of("createdAt", "updatedAt")).toList();

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();

  private SessionsCsv() {}

  /** The export of what the query matches, written when the answer is sent. */
  static StreamingOutput of(SessionFinder finder, SessionQuery query) {
    return body -> {
      // The printer's writer is the only buffer: 8 KiB, whatever the number of rows.
      CSVPrinter csv =
          new CSVPrinter(
              new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8)), FORMAT);
      finder.export(query, session -> csv.printRecord((Object[]) cells(session)));
      csv.flush();
    };
  }

  /** A session's cells: empty where a value is absent, numbers and instants as JSON writes them. */
  static String[] cells(Session s) {
    return new String[] {
      s.id().toString(),
      s.userId(),
      s.activity().wireName(),
      s.startedAt().toString(),
      Integer.toString(s.durationSeconds()),
      s.distanceMeters() == null ? "" : Double.toString(s.distanceMeters()),
      text(s.calories()),
      text(s.avgHeartRate()),
      text(s.maxHeartRate()),
      s.notes() == null ? "" : s.notes(),
      instant(s.createdAt()),
      instant(s.updatedAt())
    };
  }

  private static String text(Integer value) {
    return value == null ? "" : value.toString();
  }

  private static String instant(Instant value) {
    return value == null ? "" : value.toString();
  }
}
