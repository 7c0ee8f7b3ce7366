package dev.stride.access.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * When each token was last used ({@code lastUsedAt}, which the contract lets lag by a minute):
 * noted in memory on every request and written every {@value #FLUSH_SECONDS} s, all tokens in one
 * statement, so a request costs no write. A write that fails is tried again at the next flush.
 */
@ApplicationScoped
public class LastUse {
  private static final Logger LOG = Logger.getLogger(LastUse.class.getName());
  static final int FLUSH_SECONDS = 30;

  private static final String UPDATE =
      "UPDATE tokens t SET last_used_at = u.at"
          + " FROM unnest(?::uuid[], ?::timestamptz[]) AS u(id, at)"
          + " WHERE t.id = u.id AND (t.last_used_at IS NULL OR t.last_used_at < u.at)";

  @Inject DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();
  private ScheduledFuture<?> flushing;

  @PostConstruct
  void start() {
    flushing =
        scheduler.scheduleWithFixedDelay(
            this::flush, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
  }

  public void used(UUID tokenId) {
    pending.put(tokenId, Instant.now());
  }

  void flush() {
    if (pending.isEmpty()) {
      return;
    }
    Map<UUID, Instant> taken = new HashMap<>();
    pending.forEach(
        (id, at) -> {
          if (pending.remove(id, at)) {
            taken.put(id, at);
          }
        });
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(UPDATE)) {
      update.setArray(1, connection.createArrayOf("uuid", taken.keySet().toArray()));
      update.setArray(
          2,
          connection.createArrayOf(
              "timestamptz", taken.values().stream().map(java.sql.Timestamp::from).toArray()));
      update.executeUpdate();
    } catch (SQLException | RuntimeException e) {
      taken.forEach((id, at) -> pending.merge(id, at, (a, b) -> a.isAfter(b) ? a : b));
      LOG.log(Level.WARNING, "tokens: last use not written, trying again later: {0}", e.toString());
    }
  }

  @PreDestroy
  void stop() {
    if (flushing != null) {
      flushing.cancel(false);
    }
    flush();
  }
}
