package dev.stride.sessions;

import static dev.stride.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.support.Api;
import dev.stride.support.Api.Answer;
import dev.stride.support.DeployedStride;
import dev.stride.support.SecondBackend;
import dev.stride.support.TestDatabase;
import dev.stride.support.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The changes feed as the contract says: positions, upserts and tombstones, paging, the per-user
 * rules, 400 for positions the server did not issue for the filter, 410 once retention removed a
 * deletion, and the guarantee itself: with 8 writers committing at once on two backends, a reader
 * following the feed ends with exactly what a fresh list shows. Backend B removes old tombstones
 * every second (STRIDE_CHANGES_PURGE_SECONDS=1).
 */
class ChangesFeedIT extends DeployedStride {
  private static final String MERGE_PATCH = "application/merge-patch+json";
  private static SecondBackend b;

  @BeforeAll
  static void startPurgingBackend() throws Exception {
    b = SecondBackend.launch(null, Map.of("STRIDE_CHANGES_PURGE_SECONDS", "1")).awaitReady();
  }

  @AfterAll
  static void stop() throws Exception {
    if (b != null) {
      b.close();
    }
  }

  private static String feed(String userId) {
    return "/api/sessions/changes?userId=" + userId;
  }

  private static String now(Api api, String userId) {
    Answer now = api.get(feed(userId));
    assertThat(now.status()).as(now.toString()).isEqualTo(200);
    assertThat(now.json().getJsonArray("changes")).isEmpty();
    assertThat(now.json().getBoolean("hasMore")).isFalse();
    return now.json().getString("next");
  }

  private static JsonObject created(Api api, String userId) {
    Answer created = api.postJson("/api/sessions", SessionJson.complete(userId).build().toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  private static Answer patch(Api api, String id, String body) {
    return api.send("/api/sessions/" + id, "PATCH", BodyPublishers.ofString(body), MERGE_PATCH);
  }

  @Test
  void upsertsAndDeletesEachSessionOnceAtItsLastChange() {
    String user = SessionJson.uniqueUser("feed");
    String start = now(api, user);
    JsonObject kept = created(api, user);
    JsonObject changedTwice = created(api, user);
    JsonObject gone = created(api, user);
    JsonObject createdAndDeleted = created(api, user);
    assertThat(patch(api, changedTwice.getString("id"), "{\"calories\": 1}").status())
        .isEqualTo(200);
    JsonObject last = patch(api, changedTwice.getString("id"), "{\"calories\": 2}").json();
    assertThat(api.delete("/api/sessions/" + gone.getString("id")).status()).isEqualTo(204);
    assertThat(api.delete("/api/sessions/" + createdAndDeleted.getString("id")).status())
        .isEqualTo(204);

    Answer page = b.api().get(feed(user) + "&since=" + start);
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    List<JsonObject> changes = page.json().getJsonArray("changes").getValuesAs(JsonObject.class);
    assertThat(changes)
        .extracting(c -> c.getString("op") + " " + idOf(c))
        .containsExactly(
            "upsert " + kept.getString("id"),
            "upsert " + changedTwice.getString("id"),
            "delete " + gone.getString("id"),
            "delete " + createdAndDeleted.getString("id"));
    assertThat(changes.get(0).getJsonObject("session")).isEqualTo(kept);
    assertThat(changes.get(1).getJsonObject("session")).isEqualTo(last);
    JsonObject deletion = changes.get(2);
    assertThat(deletion.keySet()).containsExactlyInAnyOrder("op", "id", "userId", "deletedAt");
    assertThat(deletion.getString("userId")).isEqualTo(user);
    assertThat(deletion.getString("deletedAt")).endsWith("Z");
    assertThat(page.json().getBoolean("hasMore")).isFalse();

    String next = page.json().getString("next");
    Answer nothingNew = api.get(feed(user) + "&since=" + next);
    assertThat(nothingNew.json().getJsonArray("changes")).isEmpty();
    JsonObject again = patch(api, kept.getString("id"), "{\"notes\": null}").json();
    Answer oneNew = b.api().get(feed(user) + "&since=" + next);
    assertThat(oneNew.json().getJsonArray("changes")).hasSize(1);
    assertThat(oneNew.json().getJsonArray("changes").getJsonObject(0).getJsonObject("session"))
        .isEqualTo(again);
  }

  private static String idOf(JsonObject change) {
    return change.getString("op").equals("upsert")
        ? change.getJsonObject("session").getString("id")
        : change.getString("id");
  }

  @Test
  void pagesHoldAtMostLimitAndHasMoreSaysWhetherMoreWereThere() {
    String user = SessionJson.uniqueUser("pages");
    String position = now(api, user);
    Set<String> ids = new HashSet<>();
    JsonArrayBuilder batch = Json.createArrayBuilder();
    for (int i = 0; i < 5; i++) {
      JsonObject session = SessionJson.complete(user).build();
      ids.add(session.getString("id"));
      batch.add(session);
    }
    assertThat(api.postJson("/api/sessions/batch", batch.build().toString()).status())
        .isEqualTo(201);
    List<Integer> sizes = new ArrayList<>();
    List<Boolean> more = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean hasMore;
    do {
      Answer page = api.get(feed(user) + "&limit=2&since=" + position);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      List<JsonObject> changes = page.json().getJsonArray("changes").getValuesAs(JsonObject.class);
      changes.forEach(c -> assertThat(seen.add(idOf(c))).as("returned twice").isTrue());
      sizes.add(changes.size());
      hasMore = page.json().getBoolean("hasMore");
      more.add(hasMore);
      position = page.json().getString("next");
    } while (hasMore);
    assertThat(sizes).containsExactly(2, 2, 1);
    assertThat(more).containsExactly(true, true, false);
    assertThat(seen).isEqualTo(ids);
  }

  @Test
  void positionsThatTheServerDidNotIssueForThisFilterAre400() {
    String user = SessionJson.uniqueUser("tamper");
    String other = SessionJson.uniqueUser("tamper");
    String position = now(api, user);
    byte[] bytes = Base64.getUrlDecoder().decode(position);
    for (int i = 0; i < bytes.length; i++) {
      byte[] tampered = bytes.clone();
      tampered[i] ^= 1;
      String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
      Answer refused = api.get(feed(user) + "&since=" + forged);
      assertProblem(refused, 400);
      assertThat(refused.errorFields()).containsExactly("since");
    }
    for (String junk : List.of("", "x", "AAAA", position + "A", position.substring(1))) {
      assertProblem(api.get(feed(user) + "&since=" + junk), 400);
    }
    assertProblem(api.get(feed(other) + "&since=" + position), 400);
    assertProblem(api.get("/api/sessions/changes?since=" + position), 400); // admin, everyone's
    assertThat(b.api().get(feed(user) + "&since=" + position).status()).isEqualTo(200);
  }

  @Test
  void limitAndUserIdAreCheckedAndAUserFollowsOnlyTheirOwnSessions() {
    String user = SessionJson.uniqueUser("own");
    for (String limit : List.of("0", "1001", "ten", "-1")) {
      assertProblem(api.get(feed(user) + "&limit=" + limit), 400);
    }
    assertProblem(api.get("/api/sessions/changes?userId=-bad"), 400);
    Api self = api.as(Tokens.secretOf(api, user, "read"));
    assertProblem(self.get(feed("someone-else")), 403);
    String position = self.get("/api/sessions/changes").json().getString("next");
    JsonObject mine = created(api, user);
    created(api, SessionJson.uniqueUser("not-mine"));
    Answer page = self.get("/api/sessions/changes?since=" + position);
    assertThat(page.json().getJsonArray("changes"))
        .extracting(c -> idOf(c.asJsonObject()))
        .containsExactly(mine.getString("id"));
    // Without userId a user's position is that of their own feed, as with userId=themselves.
    assertThat(self.get(feed(user) + "&since=" + position).status()).isEqualTo(200);
    assertProblem(self.get(feed(user) + "&since=not-a-position"), 400);
    assertProblem(api.as(null).get(feed(user)), 401);
  }

  @Test
  void aPositionFromBeforeARemovedDeletionIs410() throws Exception {
    String user = SessionJson.uniqueUser("gone");
    String before = now(api, user);
    JsonObject session = created(api, user);
    assertThat(api.delete("/api/sessions/" + session.getString("id")).status()).isEqualTo(204);
    assertThat(b.api().get(feed(user) + "&since=" + before).status()).isEqualTo(200);
    try (TestDatabase database = TestDatabase.ofThisTestRun()) {
      database.execute(
          "UPDATE session_deletions SET deleted_at = now() - interval '31 days' WHERE id = '"
              + session.getString("id")
              + "'");
    }
    Answer gone = pollUntil(() -> b.api().get(feed(user) + "&since=" + before), 410);
    assertProblem(gone, 410);
    assertThat(gone.json().getString("detail")).contains("list every session again");
    String fresh = now(b.api(), user);
    assertThat(api.get(feed(user) + "&since=" + fresh).status()).isEqualTo(200);
  }

  /** Asks again every 50 ms, for at most 20 s, until the answer has the status. */
  private static Answer pollUntil(java.util.function.Supplier<Answer> ask, int status)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    Answer answer = ask.get();
    while (answer.status() != status && System.nanoTime() < deadline) {
      Thread.sleep(50); // the purge runs every second on B: polling for its effect
      answer = ask.get();
    }
    return answer;
  }

  @Test
  void aReaderFollowingTheFeedWhileEightWritersCommitEndsWithWhatAFreshListShows()
      throws Exception {
    String prefix = "sync-" + UUID.randomUUID().toString().substring(0, 6);
    List<String> users = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      users.add(prefix + "-" + w);
    }
    Map<String, JsonObject> copy = new HashMap<>(); // everyone's feed, the test's users only
    Map<String, JsonObject> oneUsersCopy = new HashMap<>(); // users[0]'s own feed
    Set<String> changesSeen = new HashSet<>();
    String everyone = api.get("/api/sessions/changes").json().getString("next");
    String onlyFirst = now(b.api(), users.get(0));

    ExecutorService writers = Executors.newFixedThreadPool(8);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    AtomicInteger writes = new AtomicInteger();
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      String user = users.get(w);
      Api via = w % 2 == 0 ? api : b.api();
      Random random = new Random(w);
      running.add(writers.submit(() -> write(via, user, random, until, writes)));
    }
    int pages = 0;
    while (running.stream().anyMatch(f -> !f.isDone())) {
      everyone =
          follow(
              b.api(),
              "/api/sessions/changes?limit=37&since=",
              everyone,
              prefix,
              copy,
              changesSeen);
      onlyFirst =
          follow(
              api,
              feed(users.get(0)) + "&limit=11&since=",
              onlyFirst,
              prefix,
              oneUsersCopy,
              new HashSet<>());
      pages++;
    }
    for (Future<?> writer : running) {
      writer.get(); // a failed write fails the test
    }
    writers.shutdown();
    everyone =
        follow(
            b.api(),
            "/api/sessions/changes?limit=1000&since=",
            everyone,
            prefix,
            copy,
            changesSeen);
    follow(api, feed(users.get(0)) + "&since=", onlyFirst, prefix, oneUsersCopy, new HashSet<>());

    Map<String, JsonObject> listed = new HashMap<>();
    for (String user : users) {
      api.allSessionsOf(user).forEach(s -> listed.put(s.getString("id"), s));
    }
    assertThat(writes.get()).as("writes in 20 s").isGreaterThan(200);
    assertThat(pages).isGreaterThan(5);
    assertThat(listed).isNotEmpty();
    assertThat(copy).isEqualTo(listed);
    Map<String, JsonObject> firstListed = new HashMap<>();
    listed.forEach(
        (id, s) -> {
          if (s.getString("userId").equals(users.get(0))) {
            firstListed.put(id, s);
          }
        });
    assertThat(oneUsersCopy).isEqualTo(firstListed);
  }

  /**
   * Follows the feed from {@code position} until hasMore is false, applying the changes of the
   * test's users to {@code copy}; no change (a session's id and state) may come twice.
   */
  private static String follow(
      Api api,
      String request,
      String position,
      String prefix,
      Map<String, JsonObject> copy,
      Set<String> seen) {
    boolean more;
    do {
      Answer page = api.get(request + position);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      for (JsonObject change : page.json().getJsonArray("changes").getValuesAs(JsonObject.class)) {
        boolean upsert = change.getString("op").equals("upsert");
        JsonObject session = upsert ? change.getJsonObject("session") : null;
        String user = upsert ? session.getString("userId") : change.getString("userId");
        String state =
            idOf(change)
                + (upsert ? session.getString("updatedAt") : change.getString("deletedAt"));
        assertThat(seen.add(state)).as("a change returned twice: %s", change).isTrue();
        if (!user.startsWith(prefix)) {
          continue;
        }
        if (upsert) {
          copy.put(session.getString("id"), session);
        } else {
          copy.remove(change.getString("id"));
        }
      }
      more = page.json().getBoolean("hasMore");
      position = page.json().getString("next");
    } while (more);
    return position;
  }

  /** One writer: creates (alone and in batches), patches and deletes its user's sessions. */
  private static Void write(Api api, String user, Random random, long until, AtomicInteger writes) {
    List<String> live = new ArrayList<>();
    while (System.nanoTime() < until) {
      int dice = random.nextInt(100);
      if (dice < 40 || live.size() < 3) {
        JsonObject session =
            SessionJson.complete(user).add("durationSeconds", 1 + random.nextInt(9999)).build();
        Answer created = api.postJson("/api/sessions", session.toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        live.add(session.getString("id"));
      } else if (dice < 50) {
        JsonArrayBuilder batch = Json.createArrayBuilder();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          JsonObject session = SessionJson.complete(user).build();
          ids.add(session.getString("id"));
          batch.add(session);
        }
        Answer stored = api.postJson("/api/sessions/batch", batch.build().toString());
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        live.addAll(ids);
      } else if (dice < 80) {
        String id = live.get(random.nextInt(live.size()));
        Answer changed =
            patch(
                api,
                id,
                "{\"calories\": "
                    + random.nextInt(20000)
                    + ", \"notes\": "
                    + (random.nextBoolean() ? JsonValue.NULL : "\"p" + random.nextInt() + "\"")
                    + "}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
      } else {
        String id = live.remove(random.nextInt(live.size()));
        Answer deleted = api.delete("/api/sessions/" + id);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
      }
      writes.incrementAndGet();
    }
    return null;
  }
}
