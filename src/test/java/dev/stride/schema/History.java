package dev.stride.schema;

import dev.stride.support.TestDatabase;
import java.util.List;

/** What {@code flyway_schema_history} of a database says was applied, in order. */
final class History {
  private History() {}

  /** "version | description | type | success" of every row, in the order they were applied. */
  static List<String> of(TestDatabase database) {
    return database.rows(
        "SELECT version, description, type, success FROM flyway_schema_history"
            + " ORDER BY installed_rank");
  }

  /** The history of a database that Flyway migrated from empty: V1, V2 and V3, once each. */
  static final List<String> FROM_EMPTY =
      List.of("1 | sessions | SQL | t", "2 | timescaledb | SQL | t", "3 | user versions | SQL | t");

  /** The history of a database made from db-init/: a baseline at 0, then V1, V2 and V3 over it. */
  static final List<String> FROM_DB_INIT =
      List.of(
          "0 | db-init (before Flyway) | BASELINE | t",
          "1 | sessions | SQL | t",
          "2 | timescaledb | SQL | t",
          "3 | user versions | SQL | t");
}
