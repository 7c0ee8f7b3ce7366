package dev.stride.statistics.control;

import dev.stride.problems.InvalidInputException;
import dev.stride.sessions.entity.Activity;
import dev.stride.statistics.control.Summary.ActivityTotals;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Computes statistics in PostgreSQL, one statement per request. Every statement reads a user's
 * sessions through {@code sessions_user_started_idx (user_id, started_at, id) INCLUDE (...)} as an
 * index-only scan: the user and the time range are its index condition, the activities a filter on
 * an included column. Local calendar days are {@code (started_at AT TIME ZONE zone)::date}, so
 * PostgreSQL's time-zone database decides DST; streaks are gaps and islands over the distinct days
 * (a day minus its rank is the same date for every day of one run).
 */
@ApplicationScoped
public class StatisticsQuery {
  private static final String SUMMARY =
      """
      WITH s AS (
        SELECT activity, started_at, duration_seconds, distance_meters, calories, avg_heart_rate,
               max_heart_rate
        FROM sessions
        WHERE %s
      ),
      days AS (SELECT DISTINCT (started_at AT TIME ZONE ?::text)::date AS day FROM s),
      islands AS (
        SELECT count(*) AS length
        FROM (SELECT day - (row_number() OVER (ORDER BY day))::integer AS island FROM days) d
        GROUP BY island
      )
      SELECT grouping(activity) = 1 AS overall, activity,
             count(*) AS session_count,
             coalesce(sum(duration_seconds), 0) AS duration_seconds,
             coalesce(sum(distance_meters), 0) AS distance_meters,
             coalesce(sum(calories), 0) AS calories,
             sum(duration_seconds)::float8 / nullif(count(*), 0) AS avg_duration_seconds,
             sum(avg_heart_rate)::float8 / nullif(count(avg_heart_rate), 0) AS avg_heart_rate,
             max(max_heart_rate) AS max_heart_rate,
             min(started_at) AS first_session_at,
             max(started_at) AS last_session_at,
             (SELECT count(*) FROM days) AS active_days,
             (SELECT coalesce(max(length), 0) FROM islands) AS longest_streak_days
      FROM s
      GROUP BY GROUPING SETS ((), (activity))
      ORDER BY overall DESC, activity""";

  private static final String SERIES =
      """
      SELECT date_trunc(?::text, started_at AT TIME ZONE ?::text)::date AS start,
             count(*) AS session_count,
             sum(duration_seconds) AS duration_seconds,
             coalesce(sum(distance_meters), 0) AS distance_meters,
             coalesce(sum(calories), 0) AS calories
      FROM sessions
      WHERE %s
      GROUP BY 1
      ORDER BY 1""";

  /** PostgreSQL's SQLSTATE for a time zone it does not know (invalid_parameter_value). */
  private static final String UNKNOWN_ZONE = "22023";

  @Resource(lookup = "jdbc/stride")
  DataSource dataSource;

  /** The statistics of the filter's sessions; all zeros and nulls when there is none. */
  public Summary summarise(StatisticsFilter filter) {
    List<Object> parameters = new ArrayList<>();
    String where = where(filter, parameters);
    parameters.add(filter.zone().getId());
    return run(
        SUMMARY.formatted(where),
        parameters,
        rows -> {
          rows.next(); // the overall row: GROUPING SETS gives it even without sessions
          Totals totals = totals(rows);
          Double avgDurationSeconds = nullableDouble(rows, "avg_duration_seconds");
          Double avgHeartRate = nullableDouble(rows, "avg_heart_rate");
          Integer maxHeartRate = nullableInteger(rows, "max_heart_rate");
          Instant first = instant(rows, "first_session_at");
          Instant last = instant(rows, "last_session_at");
          int activeDays = rows.getInt("active_days");
          int longestStreakDays = rows.getInt("longest_streak_days");
          List<ActivityTotals> byActivity = new ArrayList<>();
          while (rows.next()) {
            byActivity.add(
                new ActivityTotals(
                    Activity.fromWireName(rows.getString("activity")).orElseThrow(), totals(rows)));
          }
          return new Summary(
              totals,
              avgDurationSeconds,
              avgHeartRate,
              maxHeartRate,
              first,
              last,
              activeDays,
              longestStreakDays,
              byActivity);
        });
  }

  /** The totals per bucket that has sessions, oldest first. */
  public List<SeriesItem> series(StatisticsFilter filter, Bucket bucket) {
    List<Object> parameters = new ArrayList<>();
    parameters.add(bucket.wireName());
    parameters.add(filter.zone().getId());
    String where = where(filter, parameters);
    return run(
        SERIES.formatted(where),
        parameters,
        rows -> {
          List<SeriesItem> items = new ArrayList<>();
          while (rows.next()) {
            items.add(new SeriesItem(rows.getObject("start", LocalDate.class), totals(rows)));
          }
          return items;
        });
  }

  /** The conditions of the filter; only those that apply, so that each shape gets its own plan. */
  private static String where(StatisticsFilter filter, List<Object> parameters) {
    List<String> conditions = new ArrayList<>();
    conditions.add("user_id = ?");
    parameters.add(filter.userId());
    if (filter.from() != null) {
      conditions.add("started_at >= ?");
      parameters.add(filter.from().atOffset(ZoneOffset.UTC));
    }
    if (filter.to() != null) {
      conditions.add("started_at < ?");
      parameters.add(filter.to().atOffset(ZoneOffset.UTC));
    }
    if (!filter.activities().isEmpty()) {
      conditions.add("activity = ANY (?)");
      parameters.add(
          filter.activities().stream().map(Activity::wireName).sorted().toArray(String[]::new));
    }
    return String.join(" AND ", conditions);
  }

  private interface Rows<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private <T> T run(String sql, List<Object> parameters, Rows<T> reader) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        Object parameter = parameters.get(i);
        if (parameter instanceof String[] texts) {
          statement.setArray(i + 1, connection.createArrayOf("text", texts));
        } else {
          statement.setObject(i + 1, parameter);
        }
      }
      try (ResultSet rows = statement.executeQuery()) {
        return reader.read(rows);
      }
    } catch (SQLException e) {
      if (UNKNOWN_ZONE.equals(e.getSQLState())) {
        throw new InvalidInputException("tz", "is not a time zone that the database knows");
      }
      throw new IllegalStateException("a statistics query failed", e);
    }
  }

  private static Totals totals(ResultSet rows) throws SQLException {
    return new Totals(
        rows.getLong("session_count"),
        rows.getLong("duration_seconds"),
        rows.getDouble("distance_meters"),
        rows.getLong("calories"));
  }

  private static Double nullableDouble(ResultSet rows, String column) throws SQLException {
    double value = rows.getDouble(column);
    return rows.wasNull() ? null : value;
  }

  private static Integer nullableInteger(ResultSet rows, String column) throws SQLException {
    int value = rows.getInt(column);
    return rows.wasNull() ? null : value;
  }

  private static Instant instant(ResultSet rows, String column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
