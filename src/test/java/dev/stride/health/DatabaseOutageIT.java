package dev.stride.health;

import static dev.stride.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stride.schema.History;
import dev.stride.support.Api;
import dev.stride.support.Api.Answer;
import dev.stride.support.DeployedStride;
import dev.stride.support.EmbeddedPostgres;
import dev.stride.support.SecondBackend;
import dev.stride.support.TestDatabase;
import jakarta.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * When PostgreSQL goes away, Stride answers 503 problems quickly and reports itself not ready; when
 * it comes back, Stride serves again without a restart. A backend that starts while PostgreSQL is
 * away lives, is not ready and migrates its schema once the database is back.
 */
class DatabaseOutageIT extends DeployedStride {
  @Test
  void answers503WhileTheDatabaseIsDownAndRecoversWhenItIsBack() {
    var postgres = EmbeddedPostgres.ofThisTestRun();
    assumeTrue(postgres.isPresent(), "runs on the embedded PostgreSQL only: it stops the server");
    Api operations = operations();
    assertThat(operations.get("/health/ready").status()).isEqualTo(200);
    assertThat(recordOne(api).status()).isEqualTo(201);

    postgres.get().stop();
    try {
      // Each answer comes within the client's 20 s timeout (no hang); after the pool has noticed,
      // writes and reads are 503 problems and readiness is DOWN.
      Answer write = pollUntil(() -> recordOne(api), a -> a.status() == 503);
      assertProblem(write, 503);
      assertThat(write.header("Retry-After")).isPresent();
      assertProblem(pollUntil(() -> api.get("/api/sessions?limit=1"), a -> a.status() == 503), 503);
      Answer ready = pollUntil(() -> operations.get("/health/ready"), a -> a.status() == 503);
      assertThat(ready.body()).contains("DOWN");
      assertThat(operations.get("/health/live").status()).isEqualTo(200);
    } finally {
      postgres.get().start();
    }

    Answer ready = pollUntil(() -> operations.get("/health/ready"), a -> a.status() == 200);
    assertThat(ready.body()).contains("UP");
    assertThat(pollUntil(() -> recordOne(api), a -> a.status() == 201).status()).isEqualTo(201);
    assertThat(api.get("/api/sessions?limit=1").status()).isEqualTo(200);
  }

  @Test
  void aGroupOfPostsWaitingWhenTheDatabaseStopsIsAll503AndNothingIsHalfStored() throws Exception {
    var postgres = EmbeddedPostgres.ofThisTestRun();
    assumeTrue(postgres.isPresent(), "runs on the embedded PostgreSQL only: it stops the server");
    assertThat(recordOne(api).status()).isEqualTo(201);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      ids.add(UUID.randomUUID().toString());
    }
    List<Answer> answers = new ArrayList<>();
    postgres.get().stop();
    ExecutorService senders = Executors.newFixedThreadPool(ids.size());
    try {
      List<Future<Answer>> sent = new ArrayList<>();
      for (String id : ids) {
        sent.add(senders.submit(() -> recordOne(api, id)));
      }
      for (Future<Answer> answer : sent) {
        answers.add(answer.get());
      }
    } finally {
      senders.shutdownNow();
      postgres.get().start();
    }
    answers.forEach(answer -> assertProblem(answer, 503));

    pollUntil(() -> operations().get("/health/ready"), a -> a.status() == 200);
    for (String id : ids) {
      assertThat(pollUntil(() -> api.get("/api/sessions/" + id), a -> a.status() != 503).status())
          .as("nothing of a failed group is stored")
          .isEqualTo(404);
    }
    for (String id : ids) {
      assertThat(recordOne(api, id).status()).as("recovered without a restart").isEqualTo(201);
    }
  }

  @Test
  void aBackendStartedWhileTheDatabaseIsDownMigratesItsSchemaWhenItIsBack() throws Exception {
    var postgres = EmbeddedPostgres.ofThisTestRun();
    assumeTrue(postgres.isPresent(), "runs on the embedded PostgreSQL only: it stops the server");
    try (TestDatabase database = TestDatabase.fresh("outage")) {
      postgres.get().stop();
      boolean down = true;
      try (SecondBackend backend = SecondBackend.launch(database.name())) {
        try {
          backend.awaitDeployed();
          Answer ready = backend.readiness();
          assertThat(ready.status()).isEqualTo(503);
          assertThat(ready.body()).contains("DOWN", "not migrated");
          Answer write = recordOne(backend.api());
          assertProblem(write, 503);
          assertThat(write.header("Retry-After")).isPresent();
          assertProblem(backend.api().get("/api/sessions?limit=1"), 503);
        } finally {
          postgres.get().start();
          down = false;
        }
        Answer ready = pollUntil(backend::readiness, a -> a.status() == 200);
        assertThat(ready.body()).contains("UP");
        assertThat(
                database.rows("SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
            .containsExactlyElementsOf(History.versions());
        assertThat(recordOne(backend.api()).status()).isEqualTo(201);
      } finally {
        if (down) {
          postgres.get().start();
        }
      }
    }
  }

  private static Answer recordOne(Api api) {
    return recordOne(api, UUID.randomUUID().toString());
  }

  private static Answer recordOne(Api api, String id) {
    return api.postJson(
        "/api/sessions",
        Json.createObjectBuilder()
            .add("id", id)
            .add("userId", "outage")
            .add("activity", "walking")
            .add("startedAt", "2026-11-01T07:00:00Z")
            .add("durationSeconds", 600)
            .build()
            .toString());
  }

  /** Asks again until the answer is the expected one, for at most 60 s. */
  private static Answer pollUntil(Supplier<Answer> ask, Predicate<Answer> expected) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Answer answer = ask.get();
    while (!expected.test(answer)) {
      assertThat(System.nanoTime()).as("last answer: " + answer).isLessThan(deadline);
      assertThat(answer.status()).as(answer.toString()).isNotEqualTo(500);
      Thread.onSpinWait();
      answer = ask.get();
    }
    return answer;
  }
}
