package dev.stride.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.support.Api.Answer;
import dev.stride.support.SecondBackend;
import dev.stride.support.TestDatabase;
import jakarta.json.Json;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Backends migrate their database themselves when they are deployed: two launched together on an
 * empty database both become ready on one history with each migration once, and one deployed later
 * applies nothing ({@code ./stride test} used to apply db-init/ twice to show that it was
 * idempotent; this is what stands for it now). Launched together, two backends still reach their
 * migration seconds apart; {@link ConcurrentMigrationIT} makes the runs overlap.
 */
class SchemaDeploymentIT {
  @Test
  void twoBackendsAtOnceApplyEachMigrationOnceAndALaterOneAppliesNothing() throws Exception {
    try (TestDatabase database = TestDatabase.fresh("deploy")) {
      String id = UUID.randomUUID().toString();
      try (SecondBackend a = SecondBackend.launch(database.name());
          SecondBackend b = SecondBackend.launch(database.name())) {
        a.awaitReady();
        b.awaitReady();
        assertThat(History.of(database)).isEqualTo(History.FROM_EMPTY);

        assertThat(a.api().postJson("/api/sessions", session(id)).status()).isEqualTo(201);
        assertThat(b.api().get("/api/sessions/" + id).status()).isEqualTo(200);
      }
      List<String> installed =
          database.rows("SELECT installed_rank, checksum, installed_on FROM flyway_schema_history");

      try (SecondBackend later = SecondBackend.startOn(database.name())) {
        assertThat(
                database.rows(
                    "SELECT installed_rank, checksum, installed_on FROM flyway_schema_history"))
            .as("the history after a second deployment")
            .isEqualTo(installed);
        Answer stored = later.api().get("/api/sessions/" + id);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json().getString("userId")).isEqualTo("deployed");
      }
    }
  }

  private static String session(String id) {
    return Json.createObjectBuilder()
        .add("id", id)
        .add("userId", "deployed")
        .add("activity", "rowing")
        .add("startedAt", "2026-11-03T06:30:00Z")
        .add("durationSeconds", 2400)
        .build()
        .toString();
  }
}
