package dev.stride.sessions.control;

import dev.stride.sessions.entity.Session;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Records sessions so that a retry can never duplicate one. The hot path of the service: one
 * statement, one round trip, written in SQL rather than through the persistence context because it
 * must claim the id and store the row atomically ({@code INSERT ... ON CONFLICT} in a
 * data-modifying CTE) without a transaction of its own around it.
 */
@ApplicationScoped
public class SessionRecorder {
  /**
   * Claims the id in session_ids and, only if that claim is new, stores the session. A concurrent
   * statement with the same new id waits on the key of session_ids and then claims nothing, so
   * exactly one row is stored.
   */
  static final String INSERT =
      """
      WITH claimed AS (
          INSERT INTO session_ids (id, started_at) VALUES (?, ?)
          ON CONFLICT (id) DO NOTHING
          RETURNING id, started_at)
      INSERT INTO sessions (id, started_at, user_id, activity, duration_seconds, distance_meters,
                            calories, avg_heart_rate, max_heart_rate, notes)
      SELECT id, started_at, ?, ?, ?, ?, ?, ?, ?, ? FROM claimed
      RETURNING created_at""";

  @Resource(lookup = "jdbc/stride")
  DataSource dataSource;

  @Inject SessionFinder finder;

  /** What became of a session sent to be recorded. */
  public record Recorded(Session session, boolean created) {}

  /**
   * Stores the session, or finds it stored already: an identical earlier copy is returned as it is;
   * another session under the same id is a {@link SessionConflictException}.
   */
  public Recorded record(Session session) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      bind(insert, session);
      try (ResultSet created = insert.executeQuery()) {
        if (created.next()) {
          return new Recorded(
              session.storedAt(created.getObject(1, OffsetDateTime.class).toInstant()), true);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("recording session " + session.id() + " failed", e);
    }
    Session stored =
        finder
            .find(session.id())
            // deleted between the claim and this read: as if it had been stored and deleted
            .orElseThrow(() -> new SessionConflictException(session.id()));
    if (!stored.hasSameContentAs(session)) {
      throw new SessionConflictException(session.id());
    }
    return new Recorded(stored, false);
  }

  static void bind(PreparedStatement insert, Session session) throws SQLException {
    insert.setObject(1, session.id());
    insert.setObject(2, session.startedAt().atOffset(ZoneOffset.UTC));
    insert.setString(3, session.userId());
    insert.setString(4, session.activity().wireName());
    insert.setInt(5, session.durationSeconds());
    setNullable(insert, 6, session.distanceMeters(), Types.DOUBLE);
    setNullable(insert, 7, session.calories(), Types.INTEGER);
    setNullable(insert, 8, session.avgHeartRate(), Types.SMALLINT);
    setNullable(insert, 9, session.maxHeartRate(), Types.SMALLINT);
    setNullable(insert, 10, session.notes(), Types.VARCHAR);
  }

  private static void setNullable(PreparedStatement statement, int index, Object value, int type)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, type);
    } else if (type == Types.SMALLINT) {
      statement.setShort(index, ((Integer) value).shortValue());
    } else {
      statement.setObject(index, value, type);
    }
  }
}
