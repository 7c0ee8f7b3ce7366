package dev.stride.tester.sync.control;

import dev.stride.tester.output.control.AtomicFile;
import dev.stride.tester.output.control.CsvOutput;
import dev.stride.tester.sessions.control.SessionsCsv;
import dev.stride.tester.sessions.entity.Change;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A local copy of sessions as rows of Stride's CSV export: the same columns and cells, sorted by
 * {@code startedAt}, then by {@code id} as text (as PostgreSQL orders a uuid), so that the file is
 * byte for byte an export in {@code order=asc}. Rows are kept by id while changes are applied.
 */
public final class SessionsCopy {

  private static final String[] HEADER = SessionsCsv.exportHeader();
  private static final int ID = 0;
  private static final int STARTED_AT = 3;
  private static final Comparator<Row> ORDER =
      Comparator.comparing(Row::startedAt).thenComparing(Row::id);

  private record Row(String id, Instant startedAt, String[] cells) {}

  private final Map<String, Row> rows = new HashMap<>();

  /** A copy of no sessions. */
  public SessionsCopy() {}

  /** The copy stored in {@code file}. */
  public static SessionsCopy readFrom(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The copy of an export as it streams from {@code csv}, named {@code source} in errors. */
  public static SessionsCopy read(InputStream csv, String source) throws IOException {
    var copy = new SessionsCopy();
    var format = CsvOutput.ROWS.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8);
        var parser = format.parse(reader)) {
      if (!parser.getHeaderNames().equals(List.of(HEADER))) {
        throw new IOException(
            "not a copy of sessions: the header is not " + String.join(",", HEADER));
      }
      for (CSVRecord record : parser) {
        if (record.size() != HEADER.length) {
          throw new IOException(
              "row " + record.getRecordNumber() + " has " + record.size() + " cells");
        }
        copy.put(record.values(), source + " row " + record.getRecordNumber());
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return copy;
  }

  private void put(String[] cells, String where) throws IOException {
    try {
      rows.put(cells[ID], new Row(cells[ID], Instant.parse(cells[STARTED_AT]), cells));
    } catch (DateTimeParseException e) {
      throw new IOException(where + ": startedAt '" + cells[STARTED_AT] + "' is not an instant");
    }
  }

  /** Applies one change of the feed: an upsert stores the session as it is, a delete drops it. */
  public void apply(Change change) {
    if (change.delete()) {
      rows.remove(change.id());
      return;
    }
    String[] cells = SessionsCsv.exportCells(change.session());
    rows.put(cells[ID], new Row(cells[ID], Instant.parse(cells[STARTED_AT]), cells));
  }

  public int size() {
    return rows.size();
  }

  /** Replaces {@code file} with the copy, sorted, in one step. */
  public void writeTo(Path file) {
    var sorted = rows.values().stream().sorted(ORDER).toList();
    AtomicFile.replace(
        file,
        out -> {
          // not closed here: AtomicFile forces the bytes to disk before it moves the file
          var csv =
              new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CsvOutput.ROWS);
          csv.printRecord((Object[]) HEADER);
          for (var row : sorted) {
            csv.printRecord((Object[]) row.cells());
          }
          csv.flush();
          return null;
        });
  }
}
