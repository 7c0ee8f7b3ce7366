package dev.stride.sessions;

import static dev.stride.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.support.Api.Answer;
import dev.stride.support.DeployedStride;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Concurrent single POSTs share transactions (group commit), and yet each request gets exactly its
 * own answer: a new id 201, an identical retry 200, other content under a stored id 409, and two
 * POSTs of one new id at once store it once.
 */
class GroupCommitIT extends DeployedStride {
  private static final int CONCURRENT = 32;

  /** One request of the burst and the status it must get. */
  record Sent(JsonObject session, int expected) {}

  @RepeatedTest(3)
  void thirtyTwoConcurrentPostsEachGetTheirOwnAnswer() throws Exception {
    String user = SessionJson.uniqueUser("group");
    List<JsonObject> stored = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      JsonObject session = SessionJson.complete(user).add("durationSeconds", 600 + i).build();
      assertThat(api.postJson("/api/sessions", session.toString()).status()).isEqualTo(201);
      stored.add(session);
    }
    JsonObject twice = SessionJson.complete(user).add("durationSeconds", 4242).build();
    List<Sent> burst = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      burst.add(new Sent(SessionJson.complete(user).add("durationSeconds", 1000 + i).build(), 201));
    }
    for (int i = 0; i < 8; i++) {
      JsonObject earlier = stored.get(i);
      burst.add(new Sent(earlier, 200));
      burst.add(
          new Sent(
              SessionJson.complete(user)
                  .add("id", earlier.getString("id"))
                  .add("durationSeconds", 2000 + i)
                  .build(),
              409));
    }
    burst.add(new Sent(twice, -1)); // one of these two is 201, the other 200
    burst.add(new Sent(twice, -1));
    assertThat(burst).hasSize(CONCURRENT);

    List<Answer> answers = sendAtOnce(burst);

    int createdTwice = 0;
    for (int i = 0; i < burst.size(); i++) {
      Sent sent = burst.get(i);
      Answer answer = answers.get(i);
      if (sent.expected() == 409) {
        assertProblem(answer, 409);
        continue;
      }
      if (sent.expected() == -1) {
        assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
        createdTwice += answer.status() == 201 ? 1 : 0;
      } else {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(sent.expected());
      }
      JsonObject body = answer.json();
      assertThat(body.getString("id")).isEqualTo(sent.session().getString("id"));
      assertThat(body.getInt("durationSeconds"))
          .isEqualTo(sent.session().getInt("durationSeconds"));
    }
    assertThat(createdTwice).as("of two concurrent POSTs of one new id").isEqualTo(1);

    Map<String, Integer> durations =
        api.allSessionsOf(user).stream()
            .collect(
                Collectors.toMap(
                    s -> ((JsonString) s.get("id")).getString(), s -> s.getInt("durationSeconds")));
    assertThat(durations).hasSize(8 + 14 + 1);
    stored.forEach(
        s -> assertThat(durations.get(s.getString("id"))).isEqualTo(s.getInt("durationSeconds")));
    assertThat(durations.get(twice.getString("id"))).isEqualTo(4242);
    assertThat(api.get("/api/users/" + user + "/stats").json().getInt("sessionCount"))
        .isEqualTo(23);
  }

  private List<Answer> sendAtOnce(List<Sent> burst) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(burst.size());
    CyclicBarrier start = new CyclicBarrier(burst.size());
    try {
      List<Future<Answer>> futures = new ArrayList<>();
      for (Sent sent : burst) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return api.postJson("/api/sessions", sent.session().toString());
                }));
      }
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> future : futures) {
        answers.add(future.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}
