package dev.stride.schema.control;

import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Stride's migrations ({@code db/migration} on the class path: {@code V1__sessions.sql}, ...) and
 * how they are applied: Flyway, configured in code, on the pool's connections.
 *
 * <p>Several backends may apply them at once (scaled containers, the benchmark's two backends):
 * Flyway takes a PostgreSQL advisory lock around each migration and reads again, under it, what is
 * still pending, so each migration is applied by one of them while the others wait, and then find
 * it applied. A backend that waits longer than Flyway's lock retries (50, a second apart) fails
 * this attempt and tries again later ({@code SchemaMigration}).
 *
 * <p>Databases made before Flyway, from the former {@code db-init/} files, have Stride's tables but
 * no {@code flyway_schema_history}. Flyway would refuse such a non-empty schema; with {@code
 * baselineOnMigrate} and baseline version 0 it records a baseline below V1 and then runs V1, V2 and
 * V3 over the existing objects. That is safe because V1 to V3 are exactly those files, whose every
 * statement is idempotent ({@code IF NOT EXISTS}, {@code ON CONFLICT DO NOTHING}): they add what an
 * older installation lacks (user_versions, for one made before it existed) and leave its tables,
 * rows and cursor key as they are. It needs no guess at which release made a database, where
 * detecting the legacy schema would have to know every earlier shape of it. An empty database gets
 * no baseline row (Flyway ignores objects owned by extensions such as timescaledb).
 */
public final class Migrations {
  private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

  /** Where the migrations are, inside the WAR. */
  static final String LOCATION = "classpath:db/migration";

  /** What was applied to a database: one migration. */
  public record Applied(String version, String description, int milliseconds) {}

  private Migrations() {}

  /**
   * Applies every migration the database lacks, and logs each; nothing when it is current. Throws
   * Flyway's exception when the database cannot be reached or a migration fails (its transaction is
   * rolled back, the ones before it stay applied).
   */
  public static List<Applied> apply(DataSource dataSource) {
    Flyway flyway =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations(LOCATION)
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .baselineDescription("db-init (before Flyway)")
            // A file whose name Flyway cannot read (V4_x.sql) fails the start instead of being
            // skipped without a word.
            .validateMigrationNaming(true)
            .load();
    MigrateResult result = flyway.migrate();
    List<Applied> applied =
        result.migrations.stream()
            .map(m -> new Applied(m.version, m.description, m.executionTime))
            .toList();
    for (Applied migration : applied) {
      LOG.info(
          () ->
              "schema: applied migration V%s (%s) in %d ms"
                  .formatted(
                      migration.version(), migration.description(), migration.milliseconds()));
    }
    String version =
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion;
    LOG.info(
        () ->
            applied.isEmpty()
                ? "schema: at version %s, nothing to apply".formatted(version)
                : "schema: now at version %s".formatted(version));
    return applied;
  }
}
