package dev.stride.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.schema.control.Migrations;
import dev.stride.schema.control.Migrations.Applied;
import dev.stride.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Flyway's lock, without the time it takes to start backends: many migrations of one empty database
 * released at the same instant apply each migration exactly once, and a later one applies nothing.
 */
class ConcurrentMigrationIT {
  private static final int AT_ONCE = 8;

  private record Run(long started, long ended, List<Applied> applied) {}

  @Test
  void migrationsStartedAtTheSameInstantApplyEachOnce() throws Exception {
    try (TestDatabase database = TestDatabase.fresh("concurrent")) {
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService backends = Executors.newFixedThreadPool(AT_ONCE);
      List<Future<Run>> runs = new ArrayList<>();
      try {
        Callable<Run> migrate =
            () -> {
              go.await();
              long started = System.nanoTime();
              List<Applied> applied = Migrations.apply(database.dataSource());
              return new Run(started, System.nanoTime(), applied);
            };
        for (int i = 0; i < AT_ONCE; i++) {
          runs.add(backends.submit(migrate));
        }
        go.countDown();
        List<String> applied = new ArrayList<>();
        long lastStart = 0;
        long migrated = 0;
        for (Future<Run> future : runs) {
          Run run = future.get();
          run.applied().forEach(migration -> applied.add(migration.version()));
          lastStart = Math.max(lastStart, run.started());
          migrated = run.applied().isEmpty() ? migrated : run.ended();
        }
        assertThat(applied)
            .as("applied, over all runs")
            .containsExactlyInAnyOrderElementsOf(History.versions());
        assertThat(lastStart)
            .as("every run had started before the migrating one ended")
            .isLessThan(migrated);
      } finally {
        backends.shutdownNow();
      }
      assertThat(History.of(database)).isEqualTo(History.FROM_EMPTY);
      assertThat(database.value("SELECT to_regclass('user_versions') IS NOT NULL")).isEqualTo("t");

      assertThat(Migrations.apply(database.dataSource())).as("a later run").isEmpty();
      assertThat(History.of(database)).isEqualTo(History.FROM_EMPTY);
    }
  }
}
