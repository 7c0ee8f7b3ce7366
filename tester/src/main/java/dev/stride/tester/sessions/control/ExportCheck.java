package dev.stride.tester.sessions.control;

import dev.stride.tester.output.control.CsvOutput;
import dev.stride.tester.service.control.ServiceFailedException;
import dev.stride.tester.sessions.entity.StoredSession;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * Checks an export file against the JSON pages of the same queries: the same number of sessions, in
 * the same order, each with the same values. Values are compared for what they mean (numbers as
 * numbers, instants as instants, an empty cell as {@code null}), not as text. Both sides are read
 * as they come, row by row and page by page, so a check holds no more than a page in memory. The
 * check is only meaningful while nobody writes to the sessions it covers.
 */
public final class ExportCheck {

  /** How many differences a result lists; it counts them all. */
  public static final int LISTED = 10;

  private static final Set<String> NUMBERS =
      Set.of("durationSeconds", "distanceMeters", "calories", "avgHeartRate", "maxHeartRate");
  private static final Set<String> INSTANTS = Set.of("startedAt", "createdAt", "updatedAt");
  private static final String[] HEADER = SessionsCsv.exportHeader();

  /** What a check found: rows in the file, sessions in the pages, and what differs. */
  public record Result(long rows, long sessions, long differenceCount, List<String> differences) {
    public boolean passed() {
      return differenceCount == 0;
    }
  }

  private final SessionsClient sessions;
  private final int pageSize;

  public ExportCheck(SessionsClient sessions, int pageSize) {
    this.sessions = sessions;
    this.pageSize = pageSize;
  }

  /** Compares {@code file}, an export of the query for these users, with the JSON pages. */
  public Result check(Path file, SessionsQuery query, List<String> users) {
    var format = CsvOutput.ROWS.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        var parser = format.parse(reader)) {
      if (!parser.getHeaderNames().equals(List.of(HEADER))) {
        throw new IOException("the header is not " + String.join(",", HEADER));
      }
      return compare(parser.iterator(), new Pages(SessionsExport.queries(query, users)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e.getCause());
    }
  }

  private Result compare(Iterator<CSVRecord> rows, Iterator<StoredSession> pages) {
    var differences = new ArrayList<String>();
    long rowCount = 0;
    long sessionCount = 0;
    long differenceCount = 0;
    while (rows.hasNext() || pages.hasNext()) {
      CSVRecord row = rows.hasNext() ? rows.next() : null;
      StoredSession session = pages.hasNext() ? pages.next() : null;
      rowCount += row == null ? 0 : 1;
      sessionCount += session == null ? 0 : 1;
      String difference = difference(row, session, Math.max(rowCount, sessionCount));
      if (difference != null) {
        differenceCount++;
        if (differences.size() < LISTED) {
          differences.add(difference);
        }
      }
    }
    return new Result(rowCount, sessionCount, differenceCount, List.copyOf(differences));
  }

  /** What differs between row {@code n} and session {@code n}, or {@code null}. */
  static String difference(CSVRecord row, StoredSession session, long n) {
    if (row == null) {
      return "session " + n + " (" + session.id() + ") is in the pages, not in the CSV";
    }
    if (row.size() != HEADER.length) {
      return "row " + n + " has " + row.size() + " cells, not " + HEADER.length;
    }
    if (session == null) {
      return "row " + n + " (" + row.get(0) + ") is in the CSV, not in the pages";
    }
    String[] expected = SessionsCsv.exportCells(session);
    var fields = new ArrayList<String>();
    for (int i = 0; i < HEADER.length; i++) {
      if (!same(HEADER[i], row.get(i), expected[i])) {
        fields.add(HEADER[i] + " '" + row.get(i) + "' in the CSV, '" + expected[i] + "' in JSON");
      }
    }
    if (fields.isEmpty()) {
      return null;
    }
    return "row " + n + " (" + session.id() + "): " + String.join("; ", fields);
  }

  private static boolean same(String column, String cell, String expected) {
    if (cell.isEmpty() || expected.isEmpty()) {
      return cell.isEmpty() && expected.isEmpty();
    }
    try {
      if (NUMBERS.contains(column)) {
        return new BigDecimal(cell).compareTo(new BigDecimal(expected)) == 0;
      }
      if (INSTANTS.contains(column)) {
        return OffsetDateTime.parse(cell)
            .toInstant()
            .equals(OffsetDateTime.parse(expected).toInstant());
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      return false;
    }
    return cell.equals(expected);
  }

  /** The sessions of the JSON pages of several queries, one after the other. */
  private final class Pages implements Iterator<StoredSession> {
    private final Iterator<SessionsQuery> queries;
    private SessionsQuery query;
    private Iterator<StoredSession> page = List.<StoredSession>of().iterator();
    private String cursor;

    Pages(List<SessionsQuery> queries) {
      this.queries = queries.iterator();
    }

    @Override
    public boolean hasNext() {
      while (!page.hasNext()) {
        if (query == null && !queries.hasNext()) {
          return false;
        }
        if (query == null) {
          query = queries.next();
          cursor = null;
        }
        fetch();
      }
      return true;
    }

    /** The next page of the query; the query is done with once a page has no nextCursor. */
    private void fetch() {
      var answer = sessions.list(query, cursor, pageSize);
      if (answer.nextCursor() != null && Objects.equals(answer.nextCursor(), cursor)) {
        throw new ServiceFailedException("GET /sessions answered the same nextCursor twice");
      }
      cursor = answer.nextCursor();
      page = answer.items().iterator();
      if (cursor == null) {
        query = null;
      }
    }

    @Override
    public StoredSession next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return page.next();
    }
  }
}
