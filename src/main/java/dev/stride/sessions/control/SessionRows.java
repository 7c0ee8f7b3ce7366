package dev.stride.sessions.control;

import dev.stride.sessions.entity.Activity;
import dev.stride.sessions.entity.Session;
import dev.stride.sessions.entity.Source;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * How a session travels to and from the {@code sessions} table: the one row mapper ({@link
 * #COLUMNS} to a {@link Session}) and the one binder (a session's input columns as text, bound as
 * text arrays for {@code unnest} or written as a line of {@code COPY}). Text is what PostgreSQL
 * parses fastest and what both ways of writing share, so a value is formatted in one place.
 */
final class SessionRows {
  /** The columns {@link #session} reads, in its order, of a table aliased {@code s}. */
  static final String COLUMNS =
      "s.id, s.user_id, s.activity, s.started_at, s.duration_seconds, s.distance_meters,"
          + " s.calories, s.avg_heart_rate, s.max_heart_rate, s.notes, s.created_at, s.updated_at,"
          + " f.format, encode(f.sha256, 'hex'), f.samples";

  /**
   * What every FROM of {@link #COLUMNS} adds after {@code sessions s}: the file of an imported
   * session (a primary-key lookup; no row, and null columns, for a session sent as JSON). The
   * source is kept once, with the file, rather than copied into every session row.
   */
  static final String WITH_SOURCE = " LEFT JOIN session_files f ON f.session_id = s.id";

  /** The input columns, in the order of {@link #texts} and of the {@code unnest} below. */
  static final String INPUT_COLUMNS =
      "id, started_at, user_id, activity, duration_seconds, distance_meters, calories,"
          + " avg_heart_rate, max_heart_rate, notes";

  /** The input columns of sessions as a relation {@code input}, from ten text arrays. */
  static final String UNNEST_INPUT =
      "SELECT * FROM unnest(?::uuid[], ?::timestamptz[], ?::text[], ?::text[], ?::integer[],"
          + " ?::double precision[], ?::integer[], ?::smallint[], ?::smallint[], ?::text[])"
          + " AS i("
          + INPUT_COLUMNS
          + ")";

  private static final int INPUT_COUNT = 10;

  private SessionRows() {}

  /** The session in the current row of a result of {@link #COLUMNS}. */
  static Session session(ResultSet row) throws SQLException {
    return session(row, 1);
  }

  /** The session in {@link #COLUMNS} from the row's column {@code first} on. */
  static Session session(ResultSet row, int first) throws SQLException {
    int c = first - 1;
    return new Session(
            row.getObject(c + 1, UUID.class),
            row.getString(c + 2),
            Activity.fromWireName(row.getString(c + 3)).orElseThrow(),
            row.getObject(c + 4, OffsetDateTime.class).toInstant(),
            row.getInt(c + 5),
            nullable(row, row.getDouble(c + 6)),
            nullable(row, row.getInt(c + 7)),
            nullable(row, row.getInt(c + 8)),
            nullable(row, row.getInt(c + 9)),
            row.getString(c + 10))
        .stored(
            row.getObject(c + 11, OffsetDateTime.class).toInstant(),
            row.getObject(c + 12, OffsetDateTime.class).toInstant())
        .withSource(source(row, c + 13));
  }

  private static Source source(ResultSet row, int column) throws SQLException {
    String format = row.getString(column);
    return format == null
        ? null
        : new Source(format, row.getString(column + 1), row.getInt(column + 2));
  }

  private static <T> T nullable(ResultSet row, T value) throws SQLException {
    return row.wasNull() ? null : value;
  }

  /** The input columns of a session as PostgreSQL reads them, null where not given. */
  static String[] texts(Session s) {
    return new String[] {
      s.id().toString(),
      s.startedAt().toString(),
      s.userId(),
      s.activity().wireName(),
      Integer.toString(s.durationSeconds()),
      s.distanceMeters() == null ? null : Double.toString(s.distanceMeters()),
      text(s.calories()),
      text(s.avgHeartRate()),
      text(s.maxHeartRate()),
      s.notes()
    };
  }

  private static String text(Integer value) {
    return value == null ? null : value.toString();
  }

  /** Binds the sessions as the ten arrays of {@link #UNNEST_INPUT}, from parameter 1 on. */
  static void bindUnnest(Connection connection, PreparedStatement statement, List<Session> sessions)
      throws SQLException {
    bindUnnest(connection, statement, 1, sessions);
  }

  /**
   * Binds the sessions as the ten arrays of {@link #UNNEST_INPUT}, from parameter {@code first}.
   */
  static void bindUnnest(
      Connection connection, PreparedStatement statement, int first, List<Session> sessions)
      throws SQLException {
    String[][] columns = new String[INPUT_COUNT][sessions.size()];
    for (int i = 0; i < sessions.size(); i++) {
      String[] row = texts(sessions.get(i));
      for (int c = 0; c < INPUT_COUNT; c++) {
        columns[c][i] = row[c];
      }
    }
    for (int c = 0; c < INPUT_COUNT; c++) {
      statement.setArray(first + c, connection.createArrayOf("text", columns[c]));
    }
  }

  /**
   * Appends a session as one line of COPY's text format: tab-separated, {@code \N} for null, and
   * backslash, tab, newline and carriage return escaped (only notes can hold them).
   */
  static void appendCopyLine(StringBuilder out, int ordinal, Session session) {
    out.append(ordinal);
    for (String value : texts(session)) {
      out.append('\t');
      if (value == null) {
        out.append("\\N");
        continue;
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '\\' -> out.append("\\\\");
          case '\t' -> out.append("\\t");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          default -> out.append(c);
        }
      }
    }
    out.append('\n');
  }
}
