package dev.stride.sessions.control;

import dev.stride.sessions.control.SessionRecorder.RecordedBatch;
import dev.stride.sessions.entity.Session;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;

/**
 * Stores a batch all or nothing through COPY: the rows stream into a temporary staging table of the
 * connection (no indexes, no WAL), then one statement claims their ids and stores the new ones, and
 * one more, only when some ids were stored already, checks that those hold the same content. A
 * conflict rolls the whole batch back.
 */
@ApplicationScoped
public class BatchCopy {
  /** The staging table: one per connection, emptied by every commit or rollback. */
  static final String STAGING =
      """
      CREATE TEMP TABLE IF NOT EXISTS batch_input (
          ord integer NOT NULL, id uuid NOT NULL, started_at timestamptz NOT NULL,
          user_id text COLLATE "C" NOT NULL, activity text NOT NULL,
          duration_seconds integer NOT NULL, distance_meters double precision, calories integer,
          avg_heart_rate smallint, max_heart_rate smallint, notes text)
      ON COMMIT DELETE ROWS""";

  static final String COPY =
      "COPY batch_input (ord, " + SessionRows.INPUT_COLUMNS + ") FROM STDIN (FORMAT text)";

  /**
   * Claims the ids (in id order, so overlapping batches wait for each other instead of deadlocking)
   * and stores the sessions whose claim is new, raising their users' versions.
   */
  static final String STORE =
      "WITH claimed AS (INSERT INTO session_ids (id, started_at)"
          + " SELECT id, started_at FROM batch_input ORDER BY id"
          + " ON CONFLICT (id) DO NOTHING RETURNING id),\n stored AS (INSERT INTO sessions ("
          + SessionRows.INPUT_COLUMNS
          + ") SELECT "
          + prefixed("b.", SessionRows.INPUT_COLUMNS)
          + " FROM batch_input b JOIN claimed c ON c.id = b.id RETURNING id, user_id),\n "
          + SessionChanges.forgetDeletions("stored")
          + ",\n "
          + UserVersions.bump("stored")
          + "\nSELECT count(*) FROM stored";

  /**
   * The first item, in input order, whose id is stored with other content (or whose stored session
   * vanished). A statement of its own, after STORE: its snapshot sees the sessions that concurrent
   * batches committed while STORE waited for their ids.
   */
  static final String FIRST_CONFLICT =
      "SELECT b.id FROM batch_input b"
          + " LEFT JOIN session_ids k ON k.id = b.id"
          + " LEFT JOIN sessions s ON s.started_at = k.started_at AND s.id = k.id"
          + " WHERE s.id IS NULL OR (s.user_id, s.activity, s.started_at, s.duration_seconds,"
          + " s.distance_meters, s.calories, s.avg_heart_rate, s.max_heart_rate, s.notes)"
          + " IS DISTINCT FROM (b.user_id, b.activity, b.started_at, b.duration_seconds,"
          + " b.distance_meters, b.calories, b.avg_heart_rate, b.max_heart_rate, b.notes)"
          + " ORDER BY b.ord LIMIT 1";

  /** How long a batch waits for its turn to write before it is refused. */
  private static final long TURN_SECONDS = 30;

  @Inject DataSource dataSource;

  /**
   * How many batches write at once (default: the number of cores). Multi-row inserts into the same
   * indexes slow each other down: on 2 cores, 32 batches of 500 at once stored 21 batches/s, 2 at
   * once 36/s. The others wait for their turn here, without holding a connection.
   */
  @Inject
  @ConfigProperty(name = "stride.batch.writers")
  Optional<Integer> batchWriters;

  private Semaphore turns;

  @PostConstruct
  void limitWriters() {
    turns =
        new Semaphore(
            Math.max(1, batchWriters.orElse(Runtime.getRuntime().availableProcessors())), true);
  }

  /** Stores the sessions (distinct ids) that are not stored yet; a conflict stores none. */
  RecordedBatch store(List<Session> sessions) {
    awaitTurn();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        RecordedBatch recorded = store(connection, sessions);
        connection.commit();
        return recorded;
      } catch (SQLException | IOException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("recording a batch of " + sessions.size() + " failed", e);
    } finally {
      turns.release();
    }
  }

  private static RecordedBatch store(Connection connection, List<Session> sessions)
      throws SQLException, IOException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(STAGING);
    }
    StringBuilder rows = new StringBuilder(sessions.size() * 160);
    for (int i = 0; i < sessions.size(); i++) {
      SessionRows.appendCopyLine(rows, i, sessions.get(i));
    }
    connection
        .unwrap(PGConnection.class)
        .getCopyAPI()
        .copyIn(COPY, new StringReader(rows.toString()));
    int created;
    try (Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery(STORE)) {
      count.next();
      created = count.getInt(1);
    }
    if (created < sessions.size()) {
      try (Statement statement = connection.createStatement();
          ResultSet conflict = statement.executeQuery(FIRST_CONFLICT)) {
        if (conflict.next()) {
          throw new SessionConflictException(conflict.getObject(1, UUID.class));
        }
      }
    }
    return new RecordedBatch(created, sessions.size() - created);
  }

  private void awaitTurn() {
    try {
      if (turns.tryAcquire(TURN_SECONDS, TimeUnit.SECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new TooManyBatchesException();
  }

  private static String prefixed(String prefix, String columns) {
    return prefix + columns.replace(", ", ", " + prefix);
  }
}
