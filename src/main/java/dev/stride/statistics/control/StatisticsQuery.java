package dev.stride.statistics.control;

import dev.stride.sessions.control.Parameters;
import dev.stride.sessions.control.UserVersions;
import dev.stride.sessions.entity.Activity;
import dev.stride.statistics.control.Summary.ActivityTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Computes statistics from a user's sessions, read with one statement: an index-only range scan of
 * {@code sessions_user_started_idx (user_id, started_at, id) INCLUDE (...)} (the user and the time
 * range are its index condition, the activities a filter on an included column), together with the
 * version of the user's sessions, in the same snapshot. The figures are added up in Java, which
 * measured cheaper than letting PostgreSQL do it (a materialised CTE, two InitPlans for active days
 * and the gaps-and-islands streak, a MixedAggregate for the GROUPING SETS: 0.6 ms of PostgreSQL's
 * CPU for 100 sessions).
 *
 * <p>Calendar days are those of the filter's zone in Java's time-zone rules: {@code
 * LocalDate.ofInstant(startedAt, zone)}; weeks start on Monday, months on the first.
 */
@ApplicationScoped
public class StatisticsQuery {
  private static final String ROWS =
      "SELECT v.version, s.activity, s.started_at, s.duration_seconds, s.distance_meters,"
          + " s.calories, s.avg_heart_rate, s.max_heart_rate"
          + " FROM (SELECT "
          + UserVersions.OF_PARAMETER
          + " AS version) v"
          + " LEFT JOIN LATERAL (SELECT activity, started_at, duration_seconds, distance_meters,"
          + " calories, avg_heart_rate, max_heart_rate FROM sessions WHERE %s) s ON true";

  @Inject DataSource dataSource;

  /** The statistics of the filter's sessions; all zeros and nulls when there is none. */
  public Versioned<Summary> summarise(StatisticsFilter filter) {
    SummaryOfRows summary = new SummaryOfRows(filter.zone());
    long version = read(filter, summary);
    return new Versioned<>(version, summary.summary());
  }

  /** The totals per bucket that has sessions, oldest first. */
  public Versioned<List<SeriesItem>> series(StatisticsFilter filter, Bucket bucket) {
    SeriesOfRows series = new SeriesOfRows(filter.zone(), bucket);
    long version = read(filter, series);
    return new Versioned<>(version, series.items());
  }

  /** One session's figures, as statistics see them. */
  private record Row(
      Activity activity,
      Instant startedAt,
      int durationSeconds,
      Double distanceMeters,
      Integer calories,
      Integer avgHeartRate,
      Integer maxHeartRate) {
    void addTo(TotalsSum sum) {
      sum.add(durationSeconds, distanceMeters, calories);
    }
  }

  /** What adds the rows up. */
  private interface RowSink {
    void add(Row row);
  }

  /** Feeds the filter's sessions to the sink; the version of the user's sessions they were. */
  private long read(StatisticsFilter filter, RowSink sink) {
    List<Object> parameters = new ArrayList<>();
    parameters.add(filter.userId());
    String sql = ROWS.formatted(where(filter, parameters));
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      Parameters.bind(connection, statement, parameters);
      long version = UserVersions.NONE;
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          version = rows.getLong(1);
          String activity = rows.getString(2);
          if (activity == null) {
            continue; // the one row of a user without (matching) sessions
          }
          sink.add(
              new Row(
                  Activity.fromWireName(activity).orElseThrow(),
                  rows.getObject(3, OffsetDateTime.class).toInstant(),
                  rows.getInt(4),
                  nullable(rows, rows.getDouble(5)),
                  nullable(rows, rows.getInt(6)),
                  nullable(rows, rows.getInt(7)),
                  nullable(rows, rows.getInt(8))));
        }
      }
      return version;
    } catch (SQLException e) {
      throw new IllegalStateException("a statistics query failed", e);
    }
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

  private static <T> T nullable(ResultSet row, T value) throws SQLException {
    return row.wasNull() ? null : value;
  }

  /** Adds sessions up into a {@link Summary}. */
  private static final class SummaryOfRows implements RowSink {
    private final ZoneId zone;
    private final TotalsSum all = new TotalsSum();
    private final Map<Activity, TotalsSum> byActivity = new EnumMap<>(Activity.class);
    private final TreeSet<LocalDate> days = new TreeSet<>();
    private long heartRateSum;
    private long heartRateCount;
    private Integer maxHeartRate;
    private Instant first;
    private Instant last;

    SummaryOfRows(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public void add(Row row) {
      row.addTo(all);
      row.addTo(byActivity.computeIfAbsent(row.activity(), a -> new TotalsSum()));
      if (row.avgHeartRate() != null) {
        heartRateSum += row.avgHeartRate();
        heartRateCount++;
      }
      if (row.maxHeartRate() != null
          && (maxHeartRate == null || row.maxHeartRate() > maxHeartRate)) {
        maxHeartRate = row.maxHeartRate();
      }
      if (first == null || row.startedAt().isBefore(first)) {
        first = row.startedAt();
      }
      if (last == null || row.startedAt().isAfter(last)) {
        last = row.startedAt();
      }
      days.add(LocalDate.ofInstant(row.startedAt(), zone));
    }

    Summary summary() {
      List<ActivityTotals> activities = new ArrayList<>();
      byActivity.forEach(
          (activity, sum) -> activities.add(new ActivityTotals(activity, sum.totals())));
      activities.sort(Comparator.comparing(a -> a.activity().wireName()));
      return new Summary(
          all.totals(),
          all.count() == 0 ? null : (double) all.durationSeconds() / all.count(),
          heartRateCount == 0 ? null : (double) heartRateSum / heartRateCount,
          maxHeartRate,
          first,
          last,
          days.size(),
          longestStreak(days),
          activities);
    }

    /** The longest run of consecutive days: each run starts at a day whose eve is no active day. */
    private static int longestStreak(TreeSet<LocalDate> days) {
      int longest = 0;
      for (LocalDate start : days) {
        if (!days.contains(start.minusDays(1))) {
          LocalDate end = start;
          while (days.contains(end.plusDays(1))) {
            end = end.plusDays(1);
          }
          longest = Math.max(longest, (int) (end.toEpochDay() - start.toEpochDay()) + 1);
        }
      }
      return longest;
    }
  }

  /** Adds sessions up per bucket. */
  private static final class SeriesOfRows implements RowSink {
    private final ZoneId zone;
    private final Bucket bucket;
    private final TreeMap<LocalDate, TotalsSum> buckets = new TreeMap<>();

    SeriesOfRows(ZoneId zone, Bucket bucket) {
      this.zone = zone;
      this.bucket = bucket;
    }

    @Override
    public void add(Row row) {
      LocalDate day = LocalDate.ofInstant(row.startedAt(), zone);
      row.addTo(buckets.computeIfAbsent(bucket.start(day), d -> new TotalsSum()));
    }

    List<SeriesItem> items() {
      List<SeriesItem> items = new ArrayList<>(buckets.size());
      buckets.forEach((start, sum) -> items.add(new SeriesItem(start, sum.totals())));
      return items;
    }
  }
}
