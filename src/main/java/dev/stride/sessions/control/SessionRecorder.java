package dev.stride.sessions.control;

import dev.stride.problems.ProblemException;
import dev.stride.sessions.entity.Session;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

  /**
   * A whole batch in one statement: the columns travel as arrays, so a batch of 1000 is one round
   * trip. Ids already claimed are not stored again; the caller compares them. Ids are claimed in id
   * order, so that two batches sharing ids wait for each other instead of deadlocking.
   */
  static final String INSERT_ALL =
      """
      WITH input AS (
          SELECT * FROM unnest(?::uuid[], ?::timestamptz[], ?::text[], ?::text[], ?::integer[],
                               ?::double precision[], ?::integer[], ?::smallint[], ?::smallint[],
                               ?::text[])
              AS i(id, started_at, user_id, activity, duration_seconds, distance_meters, calories,
                   avg_heart_rate, max_heart_rate, notes)),
      claimed AS (
          INSERT INTO session_ids (id, started_at) SELECT id, started_at FROM input ORDER BY id
          ON CONFLICT (id) DO NOTHING
          RETURNING id)
      INSERT INTO sessions (id, started_at, user_id, activity, duration_seconds, distance_meters,
                            calories, avg_heart_rate, max_heart_rate, notes)
      SELECT i.* FROM input i JOIN claimed c ON c.id = i.id
      RETURNING id""";

  /** How long a batch waits for its turn to write before it is answered 503. */
  private static final long BATCH_TURN_SECONDS = 30;

  @Resource(lookup = "jdbc/stride")
  DataSource dataSource;

  @Inject SessionFinder finder;

  /**
   * How many batches write at once (default: the number of cores). Multi-row inserts into the same
   * indexes slow each other down: on 2 cores, 32 batches of 500 at once stored 21 batches/s, 2 at
   * once 36/s. The others wait for their turn here, without holding a connection.
   */
  @Inject
  @ConfigProperty(name = "stride.batch.writers")
  Optional<Integer> batchWriters;

  private Semaphore batchTurns;

  @PostConstruct
  void limitBatchWriters() {
    int writers = batchWriters.orElse(Runtime.getRuntime().availableProcessors());
    batchTurns = new Semaphore(Math.max(1, writers), true);
  }

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

  /** What became of a batch: how many sessions were new, how many were stored already. */
  public record RecordedBatch(int created, int existing) {}

  /**
   * Stores every session of a batch that is not stored yet, within the caller's transaction. An id
   * stored with other content is a {@link SessionConflictException}, which rolls the whole batch
   * back. The ids must be distinct.
   */
  public RecordedBatch recordAll(List<Session> sessions) {
    Set<UUID> created = new HashSet<>();
    awaitBatchTurn();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT_ALL)) {
      bindColumns(connection, insert, sessions);
      try (ResultSet rows = insert.executeQuery()) {
        while (rows.next()) {
          created.add(rows.getObject(1, UUID.class));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("recording a batch of " + sessions.size() + " failed", e);
    } finally {
      batchTurns.release();
    }
    if (created.size() < sessions.size()) {
      List<Session> others = sessions.stream().filter(s -> !created.contains(s.id())).toList();
      Map<UUID, Session> stored = finder.findAll(others.stream().map(Session::id).toList());
      for (Session session : others) {
        Session earlier = stored.get(session.id());
        if (earlier == null || !earlier.hasSameContentAs(session)) {
          throw new SessionConflictException(session.id());
        }
      }
    }
    return new RecordedBatch(created.size(), sessions.size() - created.size());
  }

  private void awaitBatchTurn() {
    try {
      if (batchTurns.tryAcquire(BATCH_TURN_SECONDS, TimeUnit.SECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new ProblemException(
        Status.SERVICE_UNAVAILABLE,
        "too many batches are being written at once; nothing was stored, retry shortly");
  }

  private static void bindColumns(
      Connection connection, PreparedStatement insert, List<Session> sessions) throws SQLException {
    int n = sessions.size();
    String[][] columns = new String[10][n];
    for (int i = 0; i < n; i++) {
      Session s = sessions.get(i);
      columns[0][i] = s.id().toString();
      columns[1][i] = s.startedAt().toString();
      columns[2][i] = s.userId();
      columns[3][i] = s.activity().wireName();
      columns[4][i] = Integer.toString(s.durationSeconds());
      columns[5][i] = s.distanceMeters() == null ? null : Double.toString(s.distanceMeters());
      columns[6][i] = text(s.calories());
      columns[7][i] = text(s.avgHeartRate());
      columns[8][i] = text(s.maxHeartRate());
      columns[9][i] = s.notes();
    }
    for (int c = 0; c < columns.length; c++) {
      insert.setArray(c + 1, connection.createArrayOf("text", columns[c]));
    }
  }

  private static String text(Integer value) {
    return value == null ? null : value.toString();
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
