package dev.stride.sessions.control;

import dev.stride.schema.boundary.SchemaMigrated;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Removes the tombstones of the changes feed once they are older than {@code
 * STRIDE_CHANGES_RETENTION_DAYS} (default 30), at start and then every {@code
 * STRIDE_CHANGES_PURGE_SECONDS} (default 3600), and raises the horizon in the same statement, so a
 * position that might have missed a removed deletion is answered 410. Every backend runs it; two at
 * once remove each tombstone once (the second waits for the first's row locks, then finds them
 * gone) and the horizon only ever rises.
 */
@ApplicationScoped
public class SessionChangesRetention {
  private static final Logger LOG = Logger.getLogger(SessionChangesRetention.class.getName());

  static final String PURGE =
      "WITH purged AS (DELETE FROM session_deletions"
          + " WHERE deleted_at < now() - make_interval(days => ?) RETURNING change_xid)\n"
          + "UPDATE session_changes_horizon h SET change_xid = p.top"
          + " FROM (SELECT max(change_xid) AS top FROM purged) p WHERE p.top > h.change_xid";

  @Inject DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "stride.changes.retention.days", defaultValue = "30")
  int retentionDays;

  @Inject
  @ConfigProperty(name = "stride.changes.purge.seconds", defaultValue = "3600")
  int purgeSeconds;

  private ScheduledFuture<?> purging;

  /** Starts once the schema is there: the tables it purges come with a migration. */
  void atMigration(@Observes SchemaMigrated migrated) {
    purging =
        scheduler.scheduleWithFixedDelay(
            this::purge, 0, Math.max(1, purgeSeconds), TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (purging != null) {
      purging.cancel(false);
    }
  }

  void purge() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement purge = connection.prepareStatement(PURGE)) {
      purge.setInt(1, retentionDays);
      if (purge.executeUpdate() > 0) {
        LOG.info("changes feed: tombstones older than " + retentionDays + " days removed");
      }
    } catch (SQLException | RuntimeException e) {
      // Nothing is lost by waiting: the tombstones stay until the next run.
      LOG.log(Level.WARNING, "changes feed: old tombstones not removed yet: {0}", e.toString());
    }
  }
}
