package dev.stride.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.support.Api.Answer;
import dev.stride.support.SecondBackend;
import dev.stride.support.TestDatabase;
import jakarta.json.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An installation made before Flyway is upgraded in place: a database built by the former db-init/
 * files (kept as they were released, in src/test/resources/legacy-db-init) and filled with
 * sessions, then a Stride backend deployed on it. Nothing stored is lost or changed, the cursor key
 * stays (so cursors handed out before the upgrade still work), the history shows the baseline and
 * V1 to V3, and what the older installation lacked is added.
 */
class UpgradeFromDbInitIT {
  private static final Path LEGACY = Path.of("src/test/resources/legacy-db-init");

  /** Every column of every row, in a fixed order: what must survive the upgrade unchanged. */
  /** Every column a session had before the upgrade (later migrations add their own). */
  private static final String SESSIONS =
      "SELECT (s.id, s.user_id, s.activity, s.started_at, s.duration_seconds, s.distance_meters,"
          + " s.calories, s.avg_heart_rate, s.max_heart_rate, s.notes, s.created_at)::text"
          + " FROM sessions s ORDER BY started_at, id";

  private static final String SESSION_IDS = "SELECT k::text FROM session_ids k ORDER BY id";
  private static final String CURSOR_KEY =
      "SELECT value FROM stride_settings WHERE name = 'cursor-key'";

  static Stream<Arguments> installations() {
    return Stream.of(
        Arguments.of(
            "today's db-init/",
            List.of("010-sessions.sql", "020-timescaledb.sql", "030-user-versions.sql")),
        Arguments.of(
            "the release before user_versions (no 030)",
            List.of("010-sessions.sql", "020-timescaledb.sql")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("installations")
  void keepsEverySessionAndTheCursorKey(String installation, List<String> files) throws Exception {
    try (TestDatabase database = TestDatabase.fresh("legacy")) {
      files.forEach(file -> database.executeFile(LEGACY.resolve(file)));
      boolean hadVersions = files.contains("030-user-versions.sql");
      database.execute(LEGACY_DATA);
      if (hadVersions) {
        database.execute(
            "INSERT INTO user_versions SELECT user_id, count(*) FROM sessions GROUP BY user_id");
      }
      List<String> sessions = database.rows(SESSIONS);
      List<String> ids = database.rows(SESSION_IDS);
      String cursorKey = database.value(CURSOR_KEY);
      List<String> versions =
          hadVersions
              ? database.rows("SELECT v::text FROM user_versions v ORDER BY user_id")
              : null;
      assertThat(sessions).hasSize(120);

      try (SecondBackend stride = SecondBackend.startOn(database.name())) {
        assertThat(database.rows(SESSIONS)).as("every session, every column").isEqualTo(sessions);
        assertThat(database.rows(SESSION_IDS)).isEqualTo(ids);
        assertThat(database.value("SELECT count(*) FROM sessions WHERE updated_at = created_at"))
            .as("never changed: updatedAt is createdAt")
            .isEqualTo("120");
        assertThat(database.value(CURSOR_KEY)).as("the cursor key").isEqualTo(cursorKey);
        assertThat(History.of(database)).isEqualTo(History.FROM_DB_INIT);
        if (hadVersions) {
          assertThat(database.rows("SELECT v::text FROM user_versions v ORDER BY user_id"))
              .isEqualTo(versions);
        }

        // Served as before, and the new writes bump the user's version (user_versions exists).
        assertThat(stride.api().allSessionsOf("legacy-3")).hasSize(20);
        Answer one = stride.api().get("/api/sessions/00000000-0000-4000-8000-000000000007");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().getString("notes")).isEqualTo("Läufer 7 — 🏃");
        Answer recorded =
            stride
                .api()
                .postJson(
                    "/api/sessions",
                    Json.createObjectBuilder()
                        .add("userId", "legacy-3")
                        .add("activity", "yoga")
                        .add("startedAt", "2026-11-04T18:00:00Z")
                        .add("durationSeconds", 900)
                        .build()
                        .toString());
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(database.value("SELECT version FROM user_versions WHERE user_id = 'legacy-3'"))
            .isEqualTo(hadVersions ? "21" : "1");
        assertThat(stride.api().allSessionsOf("legacy-3")).hasSize(21);
      }
    }
  }

  /**
   * 120 sessions of 6 users as the former Stride stored them: with and without distance, calories
   * and heart rates, some notes in Unicode, each id claimed in session_ids.
   */
  private static final String LEGACY_DATA =
      """
      INSERT INTO sessions (id, user_id, activity, started_at, duration_seconds, distance_meters,
                            calories, avg_heart_rate, max_heart_rate, notes, created_at)
      SELECT ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid,
             'legacy-' || (n % 6),
             (ARRAY['running','cycling','swimming','walking','hiking','rowing','strength','yoga','other'])[1 + n % 9],
             timestamptz '2025-01-01T06:00:00Z' + n * interval '1 day 3 hours 7 minutes 11.123456 seconds',
             300 + n * 37,
             CASE WHEN n % 4 = 0 THEN NULL ELSE n * 101.25 END,
             CASE WHEN n % 5 = 0 THEN NULL ELSE 100 + n END,
             CASE WHEN n % 3 = 0 THEN NULL ELSE 120 + n % 40 END,
             CASE WHEN n % 3 = 0 THEN NULL ELSE 170 + n % 40 END,
             CASE WHEN n % 2 = 0 THEN NULL ELSE 'Läufer ' || n || ' — 🏃' END,
             timestamptz '2025-06-01T00:00:00Z' + n * interval '1 minute'
      FROM generate_series(1, 120) AS n;
      INSERT INTO session_ids (id, started_at) SELECT id, started_at FROM sessions;
      """;
}
