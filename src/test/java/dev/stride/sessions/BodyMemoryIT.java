package dev.stride.sessions;

import static dev.stride.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.support.Api;
import dev.stride.support.Api.Answer;
import dev.stride.support.SecondBackendPerClass;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bodies within the limits cannot kill the backend together. Runs against a backend started by
 * {@code payara/launch.sh} with its production heap (192 MiB, exit on OutOfMemoryError), which
 * sixteen such batches at once used to kill.
 */
class BodyMemoryIT {
  private static final int AT_ONCE = 16;
  @RegisterExtension static final SecondBackendPerClass backend = new SecondBackendPerClass();

  @Test
  void sixteenBatchesOf8MBWithUnknownPropertiesAre400AndTheBackendLives() throws Exception {
    String padding = "x".repeat(8_200);
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < 1000; i++) {
      body.append(i == 0 ? "" : ",")
          .append(SessionJson.minimal("mem").add("padding", padding).build());
    }
    byte[] batch = body.append(']').toString().getBytes(StandardCharsets.UTF_8);
    assertThat(batch.length).isBetween(8_000_000, 8 << 20);

    assertAllAnswered400(batch);
    assertStillServing(backend.api());
  }

  @Test
  void sixteenBatchesHoldingOneHugeStringAre400AndTheBackendLives() throws Exception {
    String notes = "é".repeat(4_000_000); // 8 MB of UTF-8, one string the parser holds whole
    byte[] batch =
        ("[" + SessionJson.minimal("mem").add("notes", notes).build() + "]")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(batch.length).isBetween(8_000_000, 8 << 20);

    assertAllAnswered400(batch);
    assertStillServing(backend.api());
  }

  private static void assertAllAnswered400(byte[] batch) throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(AT_ONCE);
    try {
      List<Future<Answer>> answers = new ArrayList<>();
      for (int i = 0; i < AT_ONCE; i++) {
        answers.add(
            senders.submit(
                () -> backend.api().post("/api/sessions/batch", batch, "application/json")));
      }
      for (Future<Answer> answer : answers) {
        assertProblem(answer.get(), 400);
      }
    } finally {
      senders.shutdownNow();
    }
  }

  private static void assertStillServing(Api api) {
    assertThat(api.get("/health/live").status()).isEqualTo(200);
    String session = SessionJson.complete(SessionJson.uniqueUser("alive")).build().toString();
    assertThat(api.postJson("/api/sessions", session).status()).isEqualTo(201);
    assertThat(api.get("/api/sessions?limit=1").status()).isEqualTo(200);
  }
}
