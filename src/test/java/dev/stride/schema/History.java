package dev.stride.schema;

import dev.stride.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What {@code flyway_schema_history} of a database says was applied, in order. */
public final class History {
  private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__(.+)\\.sql");

  private History() {}

  /** "version | description | type | success" of every row, in the order they were applied. */
  static List<String> of(TestDatabase database) {
    return database.rows(
        "SELECT version, description, type, success FROM flyway_schema_history"
            + " ORDER BY installed_rank");
  }

  /**
   * The history of a database that Flyway migrated from empty: every migration of the WAR, once.
   */
  static final List<String> FROM_EMPTY = migrations();

  /**
   * The history of a database made from db-init/: a baseline at 0, then every migration over it.
   */
  static final List<String> FROM_DB_INIT = withBaseline();

  /** The versions of the WAR's migrations ("1", "2", ...), in order. */
  public static List<String> versions() {
    return FROM_EMPTY.stream().map(row -> row.substring(0, row.indexOf(' '))).toList();
  }

  private static List<String> withBaseline() {
    List<String> rows = new ArrayList<>(List.of("0 | db-init (before Flyway) | BASELINE | t"));
    rows.addAll(migrations());
    return List.copyOf(rows);
  }

  /**
   * The rows Flyway writes for the files of db/migration: V3__user_versions.sql, "user versions".
   */
  private static List<String> migrations() {
    try (Stream<Path> files =
        Files.list(Path.of(History.class.getResource("/db/migration").toURI()))) {
      return files
          .map(file -> MIGRATION.matcher(file.getFileName().toString()))
          .filter(Matcher::matches)
          .sorted(Comparator.comparingInt(m -> Integer.parseInt(m.group(1))))
          .map(m -> m.group(1) + " | " + m.group(2).replace('_', ' ') + " | SQL | t")
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
