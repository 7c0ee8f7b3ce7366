package dev.stride.access.control;

import dev.stride.schema.boundary.SchemaMigrated;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * What makes {@link KnownTokens} safe: a lease on answering token checks from memory, renewed every
 * {@value #RENEW_MILLIS} ms, and a watch on revocations (see the V6 migration for the tables).
 *
 * <p>One connection of the pool is kept for it. It LISTENs for revocations and renews this
 * backend's lease in one statement that also reads the count of revocations, FOR SHARE, so that a
 * revocation committing at the same time is either counted or waits for the renewal to commit (and
 * then finds the lease). When the count has moved, the memory is forgotten first and the count
 * written as seen by the next renewal, at once. The lease runs {@value #LEASE_MILLIS} ms in the
 * database's time; this backend trusts its memory for {@value #TRUST_MILLIS} ms from before it
 * asked, on its own clock, so it has stopped before the database thinks the lease over. Without a
 * lease (no database, a lost connection) every check reads the table.
 *
 * <p>A DELETE of a token calls {@link #awaitEveryBackend} after it has committed: it returns when
 * every backend with a lease still running has seen the revocation; a backend that died holds the
 * answer up for at most the rest of its lease.
 */
@ApplicationScoped
public class RevocationWatch {
  private static final Logger LOG = Logger.getLogger(RevocationWatch.class.getName());
  static final int RENEW_MILLIS = 500;
  static final int LEASE_MILLIS = 3000;
  static final int TRUST_MILLIS = LEASE_MILLIS - RENEW_MILLIS;
  private static final String CHANNEL = "stride_token_revocations";

  private static final String RENEW =
      "WITH revocations AS (SELECT count FROM token_revocations FOR SHARE)"
          + " INSERT INTO token_cache_leases (backend, expires_at, seen)"
          + " SELECT ?, now() + make_interval(secs => ?), ? FROM revocations"
          + " ON CONFLICT (backend) DO UPDATE"
          + " SET expires_at = excluded.expires_at, seen = excluded.seen"
          + " RETURNING (SELECT count FROM revocations)";

  private static final String COUNT = "SELECT count FROM token_revocations";

  private static final String NOT_YET_SEEN =
      "SELECT count(*) FROM token_cache_leases WHERE expires_at > now() AND seen < ?";

  private static final String FORGET_OLD =
      "DELETE FROM token_cache_leases WHERE expires_at < now() - interval '1 day'";

  private static final String RELEASE = "DELETE FROM token_cache_leases WHERE backend = ?";

  @Inject DataSource dataSource;

  @Resource ManagedThreadFactory threads;

  @Inject KnownTokens known;

  private final UUID backend = UUID.randomUUID();

  /** The count of revocations the memory was last forgotten for; -1: never, so forget first. */
  private long seen = -1;

  private volatile boolean running;
  private Thread watching;

  void atMigration(@Observes SchemaMigrated migrated) {
    running = true;
    watching = threads.newThread(this::watch);
    watching.setName("stride-token-revocations");
    watching.start();
  }

  /**
   * Waits until every backend with a running lease has forgotten the tokens it knew when the
   * revocation just committed was counted (or its lease has run out).
   */
  public void awaitEveryBackend() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LEASE_MILLIS + 1000);
    try (Connection connection = dataSource.getConnection();
        Statement count = connection.createStatement();
        PreparedStatement notYet = connection.prepareStatement(NOT_YET_SEEN)) {
      long revocations;
      try (ResultSet row = count.executeQuery(COUNT)) {
        row.next();
        revocations = row.getLong(1);
      }
      notYet.setLong(1, revocations);
      while (true) {
        try (ResultSet row = notYet.executeQuery()) {
          row.next();
          if (row.getLong(1) == 0) {
            return;
          }
        }
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException(
              "a backend kept renewing its token lease without seeing a revocation");
        }
        // Acknowledgements come within milliseconds (each backend is woken by NOTIFY).
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("waiting for the backends to see a revocation failed", e);
    }
  }

  private void watch() {
    boolean failing = false;
    while (running) {
      try (Connection connection = dataSource.getConnection();
          Statement listen = connection.createStatement();
          PreparedStatement renew = connection.prepareStatement(RENEW)) {
        connection.setAutoCommit(true);
        listen.execute("LISTEN " + CHANNEL);
        listen.execute(FORGET_OLD);
        PGConnection notifications = connection.unwrap(PGConnection.class);
        while (running) {
          renew(renew);
          if (failing) {
            LOG.info("access: token lease renewed again, checked tokens kept in memory");
            failing = false;
          }
          // Returns at once when a revocation is notified, else after RENEW_MILLIS.
          notifications.getNotifications(RENEW_MILLIS);
        }
      } catch (SQLException | RuntimeException e) {
        known.distrust();
        if (!failing) {
          LOG.log(
              Level.WARNING,
              "access: token lease lost, every request reads the tokens table: {0}",
              e.toString());
          failing = true;
        }
        if (running) {
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RENEW_MILLIS));
        }
      }
    }
  }

  /** Renews the lease; when revocations were counted since, forgets and renews again at once. */
  private void renew(PreparedStatement renew) throws SQLException {
    while (true) {
      long asked = System.nanoTime();
      renew.setObject(1, backend);
      renew.setDouble(2, LEASE_MILLIS / 1000.0);
      renew.setLong(3, seen);
      long count;
      try (ResultSet row = renew.executeQuery()) {
        row.next();
        count = row.getLong(1);
      }
      if (count == seen) {
        known.trustUntil(asked + TimeUnit.MILLISECONDS.toNanos(TRUST_MILLIS));
        return;
      }
      known.forgetAll();
      seen = count;
    }
  }

  @PreDestroy
  void stop() {
    running = false;
    known.distrust();
    if (watching == null) {
      return;
    }
    try {
      watching.join(2L * RENEW_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement release = connection.prepareStatement(RELEASE)) {
      release.setObject(1, backend);
      release.executeUpdate();
    } catch (SQLException e) {
      LOG.log(Level.INFO, "access: token lease not released, it runs out by itself: {0}", e);
    }
  }
}
