package dev.stride.database;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * {@code stride_database_up} (1 when this backend reaches PostgreSQL) and {@code
 * stride_database_size_bytes}, found out by one query when Prometheus asks, at most once a second.
 * While every connection of the pool is in use the last answer stands: a scrape must not queue
 * behind the requests, and a busy pool is not a database that is away.
 */
@ApplicationScoped
public class DatabaseProbe {
  private static final long FRESH_NANOS = 1_000_000_000L;
  private static final int TIMEOUT_SECONDS = 2;

  @Inject DataSource dataSource;
  @Inject PoolMetrics pool;
  @Inject MetricRegistry registry;

  private long probedAt = System.nanoTime() - 2 * FRESH_NANOS;
  private int up;
  private long sizeBytes = -1;

  /** Made at start, so that every series is there (at 0) before the first request. */
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {}

  @PostConstruct
  void register() {
    registry.gauge(
        Metadata.builder()
            .withName("stride_database_up")
            .withDescription("1 when this backend reaches PostgreSQL, 0 when it does not.")
            .build(),
        () -> probe().up);
    registry.gauge(
        Metadata.builder()
            .withName("stride_database_size_bytes")
            .withDescription("The size of Stride's database (pg_database_size).")
            .build(),
        () -> probe().sizeBytes);
  }

  private synchronized DatabaseProbe probe() {
    if (System.nanoTime() - probedAt < FRESH_NANOS || pool.available() == 0) {
      return this;
    }
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(TIMEOUT_SECONDS);
      try (ResultSet size = statement.executeQuery("SELECT pg_database_size(current_database())")) {
        size.next();
        sizeBytes = size.getLong(1);
        up = 1;
      }
    } catch (SQLException | RuntimeException e) {
      up = 0;
    }
    probedAt = System.nanoTime();
    return this;
  }
}
