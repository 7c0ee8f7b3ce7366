package dev.stride.database;

import dev.stride.operations.control.Histogram;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The JDBC pool as Prometheus sees it: {@code stride_db_pool_connections{state="in_use"|"idle"}}
 * (idle: how many more the pool may hand out now, {@code DB_POOL_MAX} minus those in use, since
 * Payara opens connections on demand up to that size), {@code stride_db_pool_max_connections},
 * {@code stride_db_pool_waiting_threads}, the wait for a connection {@code
 * stride_db_pool_wait_seconds} and the checkouts that failed, {@code
 * stride_db_pool_wait_timeouts_total} (the pool's wait ran out, or the database refused).
 */
@ApplicationScoped
public class PoolMetrics {
  /** Connections one backend has at most: the pool's size, set for Payara by payara/defaults.sh. */
  @Inject
  @ConfigProperty(name = "DB_POOL_MAX")
  Optional<Integer> max;

  @Inject MetricRegistry registry;

  private final AtomicInteger inUse = new AtomicInteger();
  private final AtomicInteger waiting = new AtomicInteger();
  private Histogram waits;
  private Counter failures;

  /** Made at start, so that every series is there (at 0) before the first request. */
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {}

  @PostConstruct
  void register() {
    registry.gauge(
        gauge("stride_db_pool_connections", "Connections of the pool, in use and idle."),
        inUse::get,
        new Tag("state", "in_use"));
    registry.gauge(
        gauge("stride_db_pool_connections", "Connections of the pool, in use and idle."),
        this::idle,
        new Tag("state", "idle"));
    registry.gauge(
        gauge("stride_db_pool_max_connections", "The pool's size (DB_POOL_MAX)."),
        () -> max.orElse(-1));
    registry.gauge(
        gauge("stride_db_pool_waiting_threads", "Threads waiting for a connection now."),
        waiting::get);
    waits =
        Histogram.register(
            registry,
            "stride_db_pool_wait_seconds",
            "Time to get a connection from the pool.",
            Histogram.LATENCY_BOUNDS);
    failures =
        registry.counter(
            Metadata.builder()
                .withName("stride_db_pool_wait_timeouts")
                .withDescription(
                    "Checkouts that got no connection (the wait ran out, or the database refused).")
                .build());
  }

  /** Connections the pool can hand out without waiting; in use ones beyond that are not counted. */
  int available() {
    return max.map(size -> Math.max(0, size - inUse.get())).orElse(Integer.MAX_VALUE);
  }

  private int idle() {
    return max.isPresent() ? available() : -1;
  }

  long waitStarted() {
    waiting.incrementAndGet();
    return System.nanoTime();
  }

  void waitFailed(long started) {
    waiting.decrementAndGet();
    waits.observeNanos(System.nanoTime() - started);
    failures.inc();
  }

  void leased(long started) {
    waiting.decrementAndGet();
    waits.observeNanos(System.nanoTime() - started);
    inUse.incrementAndGet();
  }

  void returned() {
    inUse.decrementAndGet();
  }

  private static Metadata gauge(String name, String help) {
    return Metadata.builder().withName(name).withDescription(help).build();
  }
}
