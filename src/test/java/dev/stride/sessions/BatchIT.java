package dev.stride.sessions;

import static dev.stride.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.support.Api.Answer;
import dev.stride.support.DeployedStride;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** POST /api/sessions/batch: all or nothing, retries, conflicts and bounds. */
class BatchIT extends DeployedStride {

  private static List<JsonObject> sessions(String user, int count) {
    List<JsonObject> sessions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sessions.add(
          SessionJson.complete(user)
              .add("startedAt", "2026-10-%02dT07:%02d:00Z".formatted(1 + i % 28, i % 60))
              .add("durationSeconds", 600 + i)
              .build());
    }
    return sessions;
  }

  private Answer post(List<JsonObject> items) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    items.forEach(array::add);
    return api.postJson("/api/sessions/batch", array.build().toString());
  }

  @Test
  void storesEverySessionAndAnswersTheIdsInInputOrder() {
    String user = SessionJson.uniqueUser("batch");
    List<JsonObject> items = new ArrayList<>(sessions(user, 5));
    items.add(2, SessionJson.minimal(user).build()); // without an id: the server assigns one

    Answer answer = post(items);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    JsonObject result = answer.json();
    assertThat(result.getInt("created")).isEqualTo(6);
    assertThat(result.getInt("existing")).isZero();
    JsonArray ids = result.getJsonArray("ids");
    assertThat(ids).hasSize(6);
    for (int i = 0; i < items.size(); i++) {
      String id = ids.getString(i);
      if (items.get(i).containsKey("id")) {
        assertThat(id).isEqualTo(items.get(i).getString("id"));
      }
      Answer stored = api.get("/api/sessions/" + id);
      assertThat(stored.status()).isEqualTo(200);
      assertThat(stored.json().getInt("durationSeconds"))
          .isEqualTo(items.get(i).getInt("durationSeconds"));
    }
    assertThat(api.allSessionsOf(user)).hasSize(6);
  }

  @Test
  void aRetriedBatchAnswers200AndAPartlyNewOne201() {
    String user = SessionJson.uniqueUser("bretry");
    List<JsonObject> items = sessions(user, 10);
    assertThat(post(items.subList(0, 4)).status()).isEqualTo(201);

    Answer partly = post(items);
    assertThat(partly.status()).isEqualTo(201);
    assertThat(partly.json().getInt("created")).isEqualTo(6);
    assertThat(partly.json().getInt("existing")).isEqualTo(4);

    Answer retried = post(items);
    assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
    assertThat(retried.json().getInt("created")).isZero();
    assertThat(retried.json().getInt("existing")).isEqualTo(10);
    assertThat(api.allSessionsOf(user)).hasSize(10);
  }

  @Test
  void aConflictingIdMakesTheWholeBatch409AndStoresNothing() {
    String user = SessionJson.uniqueUser("bconf");
    List<JsonObject> items = sessions(user, 6);
    assertThat(post(items.subList(0, 1)).status()).isEqualTo(201);
    List<JsonObject> changed = new ArrayList<>(items);
    changed.set(0, Json.createObjectBuilder(items.get(0)).add("calories", 1).build());

    assertProblem(post(changed), 409);
    assertThat(api.allSessionsOf(user)).hasSize(1);
    assertThat(api.get("/api/sessions/" + items.get(5).getString("id")).status()).isEqualTo(404);
  }

  @Test
  void invalidItemsAreListedByIndexAndNothingIsStored() {
    String user = SessionJson.uniqueUser("binv");
    List<JsonObject> items = new ArrayList<>(sessions(user, 5));
    items.set(1, Json.createObjectBuilder(items.get(1)).add("durationSeconds", 0).build());
    items.set(
        3, Json.createObjectBuilder(items.get(3)).remove("activity").add("extra", true).build());
    items.set(
        4, Json.createObjectBuilder(items.get(4)).add("id", items.get(2).getString("id")).build());

    Answer answer = post(items);

    assertProblem(answer, 400);
    assertThat(answer.errorFields())
        .containsExactly("[1].durationSeconds", "[3].activity", "[3].extra", "[4].id");
    assertThat(api.allSessionsOf(user)).isEmpty();

    Answer notObjects =
        api.postJson("/api/sessions/batch", "[" + items.get(0) + ", 1, \"x\", [], null, {}]");
    assertProblem(notObjects, 400);
    assertThat(notObjects.errorFields()).startsWith("[1]", "[2]", "[3]", "[4]");
    assertThat(api.allSessionsOf(user)).isEmpty();
  }

  @Test
  void aRepeatedIdNamesTheLaterItemWhateverItsCase() {
    String user = SessionJson.uniqueUser("bdup");
    List<JsonObject> items = new ArrayList<>(sessions(user, 3));
    items.set(
        2,
        Json.createObjectBuilder(items.get(2))
            .add("id", items.get(0).getString("id").toUpperCase())
            .build());
    Answer answer = post(items);
    assertProblem(answer, 400);
    assertThat(answer.errorFields()).containsExactly("[2].id");
  }

  @Test
  void aBatchHolds1To1000SessionsIn8MiBAtMost() {
    assertProblem(api.postJson("/api/sessions/batch", "[]"), 400);
    assertProblem(api.postJson("/api/sessions/batch", "{}"), 400);
    assertProblem(api.postJson("/api/sessions/batch", "[{}"), 400);

    String user = SessionJson.uniqueUser("bsize");
    assertProblem(post(sessions(user, 1001)), 400);
    assertThat(api.allSessionsOf(user)).isEmpty();

    List<JsonObject> thousand = sessions(user, 1000);
    JsonArrayBuilder array = Json.createArrayBuilder();
    thousand.forEach(array::add);
    String body = array.build().toString();
    int limit = 8 << 20;
    String exactly = body.substring(0, body.length() - 1) + " ".repeat(limit - body.length()) + "]";
    assertThat(exactly.getBytes(StandardCharsets.UTF_8)).hasSize(limit);
    assertProblem(api.postJson("/api/sessions/batch", " " + exactly), 413);
    assertThat(api.allSessionsOf(user)).isEmpty();

    Answer stored = api.postJson("/api/sessions/batch", exactly);
    assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
    assertThat(stored.json().getInt("created")).isEqualTo(1000);
    assertThat(api.allSessionsOf(user)).hasSize(1000);
  }

  @Test
  void concurrentIdenticalBatchesStoreEachSessionOnce() throws Exception {
    String user = SessionJson.uniqueUser("brace");
    List<JsonObject> items = sessions(user, 50);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit(() -> post(items)));
      }
      int created = 0;
      for (Future<Answer> answer : answers) {
        Answer a = answer.get();
        assertThat(a.status()).as(a.toString()).isIn(200, 201);
        created += a.json().getInt("created");
        assertThat(a.json().getInt("created") + a.json().getInt("existing")).isEqualTo(50);
      }
      assertThat(created).isEqualTo(50);
    } finally {
      pool.shutdownNow();
    }
    assertThat(api.allSessionsOf(user))
        .extracting(s -> ((JsonString) s.get("id")).getString())
        .doesNotHaveDuplicates()
        .hasSize(50);
  }

  @Test
  void idsAreTheSameTextWhetherSentInUpperOrLowerCase() {
    String user = SessionJson.uniqueUser("bcase");
    String id = UUID.randomUUID().toString();
    JsonObject upper = SessionJson.complete(user).add("id", id.toUpperCase()).build();
    Answer answer = post(List.of(upper));
    assertThat(answer.json().getJsonArray("ids").getString(0)).isEqualTo(id);
    assertThat(api.postJson("/api/sessions", upper.toString()).status()).isEqualTo(200);
  }
}
