package dev.stride.access.control;

import dev.stride.access.entity.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rate limit per token, for the whole installation: at most {@code stride.rate.token.requests}
 * requests per window of {@code stride.rate.token.window.seconds} (fixed windows), counted over
 * every backend through one shared counter ({@code token_usage}). Each backend counts in memory,
 * adds its counts to the table every {@value #FLUSH_MILLIS} ms in one statement and reads back the
 * installation's totals; a token over its limit is refused on every backend until its window ends,
 * at most a flush later than exactly. That lag is the price of costing a request nothing but a map
 * lookup. Tokens with {@code admin} are not limited; 0 requests switches the limit off.
 */
@ApplicationScoped
public class RateLimits {
  private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());
  static final long FLUSH_MILLIS = 250;

  private static final String ADD =
      "INSERT INTO token_usage (token_id, window_start, requests)"
          + " SELECT u.id, ?, u.n FROM unnest(?::uuid[], ?::bigint[]) AS u(id, n)"
          + " ON CONFLICT (token_id, window_start)"
          + " DO UPDATE SET requests = token_usage.requests + excluded.requests"
          + " RETURNING token_id, requests";

  private static final String FORGET = "DELETE FROM token_usage WHERE window_start < ?";

  @Inject DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "stride.rate.token.requests", defaultValue = "1000")
  long limit;

  @Inject
  @ConfigProperty(name = "stride.rate.token.window.seconds", defaultValue = "10")
  long windowSeconds;

  private final Clock clock = Clock.systemUTC();

  /** This backend's requests of the current window not yet added to the table. */
  private final Map<UUID, AtomicLong> unflushed = new ConcurrentHashMap<>();

  /** The installation's totals of the current window, as the last flush read them. */
  private volatile Map<UUID, Long> totals = Map.of();

  private volatile long window;
  private ScheduledFuture<?> flushing;

  /** The refusal of a request over the limit: when to try again, and the limit. */
  public record Refusal(long retryAfterSeconds, long limit, long windowSeconds) {}

  @PostConstruct
  void start() {
    window = currentWindow();
    if (limit > 0) {
      flushing =
          scheduler.scheduleWithFixedDelay(
              this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** Counts the caller's request; a refusal when its token is over the limit. */
  public Optional<Refusal> count(Caller caller) {
    if (limit <= 0 || caller.isAdmin()) {
      return Optional.empty();
    }
    rollOver();
    long mine =
        unflushed.computeIfAbsent(caller.tokenId(), id -> new AtomicLong()).incrementAndGet();
    long installation = totals.getOrDefault(caller.tokenId(), 0L) + mine;
    if (installation <= limit) {
      return Optional.empty();
    }
    long windowEnd = (window + 1) * windowSeconds;
    long retryAfter = Math.max(1, windowEnd - clock.instant().getEpochSecond());
    return Optional.of(new Refusal(retryAfter, limit, windowSeconds));
  }

  private long currentWindow() {
    return clock.instant().getEpochSecond() / Math.max(1, windowSeconds);
  }

  /** A new window starts from zero everywhere. */
  private void rollOver() {
    long now = currentWindow();
    if (now != window) {
      synchronized (this) {
        if (now != window) {
          window = now;
          unflushed.clear();
          totals = Map.of();
        }
      }
    }
  }

  void flush() {
    rollOver();
    long flushed = window;
    Map<UUID, Long> counts = new java.util.HashMap<>();
    unflushed.forEach(
        (id, count) -> {
          long n = count.getAndSet(0);
          if (n > 0) {
            counts.put(id, n);
          }
        });
    if (counts.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement add = connection.prepareStatement(ADD);
        PreparedStatement forget = connection.prepareStatement(FORGET)) {
      add.setLong(1, flushed);
      add.setArray(2, connection.createArrayOf("uuid", counts.keySet().toArray()));
      add.setArray(3, connection.createArrayOf("bigint", counts.values().toArray()));
      Map<UUID, Long> read = new ConcurrentHashMap<>(totals);
      try (ResultSet rows = add.executeQuery()) {
        while (rows.next()) {
          read.put(rows.getObject(1, UUID.class), rows.getLong(2));
        }
      }
      if (flushed == window) {
        totals = read;
      }
      forget.setLong(1, flushed - 1);
      forget.executeUpdate();
    } catch (SQLException | RuntimeException e) {
      // Counted again at the next flush; meanwhile this backend limits by its own counts.
      counts.forEach((id, n) -> unflushed.computeIfAbsent(id, k -> new AtomicLong()).addAndGet(n));
      LOG.log(Level.FINE, "rate limits: counts not shared, trying again: {0}", e.toString());
    }
  }

  @PreDestroy
  void stop() {
    if (flushing != null) {
      flushing.cancel(false);
    }
  }
}
