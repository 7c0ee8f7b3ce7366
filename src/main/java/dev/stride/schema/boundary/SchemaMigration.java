package dev.stride.schema.boundary;

import dev.stride.schema.control.Migrations;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings the database's schema up to date when Stride is deployed. The first attempt runs during
 * the deployment itself, when the application's context is initialised: Stride's endpoints and its
 * readiness check exist only after it, so a backend whose database answers never serves an older
 * schema. (Payara answers requests that arrive meanwhile itself, with a 404 and then an empty 500
 * while the application starts; a long migration, or one waiting for another backend's lock, makes
 * that time longer.)
 *
 * <p>A database that cannot be reached at that moment does not fail the deployment, which would
 * leave nothing that could report the backend not ready or try again later. The backend starts,
 * reports itself not ready ({@code dev.stride.health}), answers the API with 503 ({@link
 * MigratedSchemaRequired}) and tries again, after 1 s, then twice as long each time up to 10 s,
 * until a migration succeeds. A failing migration is retried the same way; its error is logged at
 * every attempt.
 */
@ApplicationScoped
public class SchemaMigration {
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
  private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

  @Inject DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject Event<SchemaMigrated> migrated;

  private volatile boolean current;
  private volatile ScheduledFuture<?> nextAttempt;

  void atDeployment(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
    attempt(FIRST_PAUSE);
  }

  /** Whether the schema is that of this WAR's migrations, so that Stride may use it. */
  public boolean isCurrent() {
    return current;
  }

  private void attempt(Duration pause) {
    try {
      Migrations.apply(dataSource);
      current = true;
      migrated.fire(new SchemaMigrated());
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "schema: not migrated, next attempt in {0} s: {1}",
          new Object[] {pause.toSeconds(), describe(e)});
      LOG.log(Level.FINE, "schema: the failed attempt", e);
      Duration longer = pause.multipliedBy(2);
      Duration following = longer.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : longer;
      nextAttempt =
          scheduler.schedule(() -> attempt(following), pause.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Flyway's message, and the cause's (the driver's "Connection refused") when it differs. */
  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(failure.getMessage()).strip();
    return root == failure || message.contains(String.valueOf(root.getMessage()))
        ? message
        : message + " (" + root + ")";
  }

  @PreDestroy
  void stop() {
    ScheduledFuture<?> pending = nextAttempt;
    if (pending != null) {
      pending.cancel(false);
    }
  }
}
