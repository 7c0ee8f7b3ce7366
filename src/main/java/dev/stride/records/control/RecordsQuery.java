package dev.stride.records.control;

import dev.stride.records.entity.PersonalRecord;
import dev.stride.records.entity.RecordDistances;
import dev.stride.records.entity.RecordKind;
import dev.stride.sessions.entity.Activity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A user's personal records in one statement. The user's (matching) sessions are read once, from
 * the index of a user's sessions in time order, whose INCLUDE columns hold every value the three
 * session records compare; each kind is the best per activity ({@code DISTINCT ON}), ties to the
 * session that started earlier (then the smaller id, so the answer is the same every time). The
 * fastest stretches were measured at import ({@code session_fastest}): the best per activity and
 * distance is picked among them, and only the distances of the session's current activity count.
 *
 * <p>A farthest distance or most calories of 0 is no record: a session qualifies with a positive
 * value.
 */
@ApplicationScoped
public class RecordsQuery {
  private static final String BEST = " ORDER BY activity, %s DESC, started_at, id)";

  @Inject DataSource dataSource;

  /** Which sessions the records are made of. */
  public record RecordsFilter(String userId, Set<Activity> activities, Instant from, Instant to) {}

  public List<PersonalRecord> records(RecordsFilter filter) {
    List<Object> parameters = new ArrayList<>();
    String sql = sql(filter, parameters);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        Object value = parameters.get(i);
        if (value instanceof String[] names) {
          select.setArray(i + 1, connection.createArrayOf("text", names));
        } else {
          select.setObject(i + 1, value);
        }
      }
      List<PersonalRecord> records = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          PersonalRecord record = record(row);
          if (record.kind() != RecordKind.FASTEST
              || RecordDistances.of(record.activity()).contains(record.distanceMeters())) {
            records.add(record);
          }
        }
      }
      records.sort(PersonalRecord.ORDER);
      return records;
    } catch (SQLException e) {
      throw new IllegalStateException("reading records failed", e);
    }
  }

  private static PersonalRecord record(ResultSet row) throws SQLException {
    double distance = row.getDouble(3);
    Double distanceMeters = row.wasNull() ? null : distance;
    return new PersonalRecord(
        Activity.fromWireName(row.getString(2)).orElseThrow(),
        RecordKind.values()[row.getInt(1)],
        distanceMeters,
        row.getDouble(4),
        row.getObject(5, UUID.class),
        row.getObject(6, OffsetDateTime.class).toInstant());
  }

  private static String sql(RecordsFilter filter, List<Object> parameters) {
    StringBuilder where = new StringBuilder("user_id = ?");
    parameters.add(filter.userId());
    if (!filter.activities().isEmpty()) {
      where.append(" AND activity = ANY (?)");
      parameters.add(filter.activities().stream().map(Activity::wireName).toArray(String[]::new));
    }
    if (filter.from() != null) {
      where.append(" AND started_at >= ?");
      parameters.add(filter.from().atOffset(ZoneOffset.UTC));
    }
    if (filter.to() != null) {
      where.append(" AND started_at < ?");
      parameters.add(filter.to().atOffset(ZoneOffset.UTC));
    }
    return "WITH s AS MATERIALIZED (SELECT id, activity, started_at, duration_seconds,"
        + " distance_meters, calories FROM sessions WHERE "
        + where
        + ")\n"
        + best(RecordKind.LONGEST_DURATION, "duration_seconds", "true")
        + " UNION ALL "
        + best(RecordKind.FARTHEST_DISTANCE, "distance_meters", "distance_meters > 0")
        + " UNION ALL "
        + best(RecordKind.MOST_CALORIES, "calories", "calories > 0")
        + " UNION ALL (SELECT DISTINCT ON (s.activity, f.distance_meters) "
        + RecordKind.FASTEST.ordinal()
        + ", s.activity, f.distance_meters, f.seconds, s.id, s.started_at"
        + " FROM s JOIN session_fastest f ON f.session_id = s.id"
        + " ORDER BY s.activity, f.distance_meters, f.seconds, s.started_at, s.id)";
  }

  /** The session with the largest {@code column} per activity, among those that qualify. */
  private static String best(RecordKind kind, String column, String qualifies) {
    return "(SELECT DISTINCT ON (activity) "
        + kind.ordinal()
        + ", activity, NULL::double precision, "
        + column
        + "::double precision, id, started_at FROM s WHERE "
        + qualifies
        + String.format(BEST, column);
  }
}
