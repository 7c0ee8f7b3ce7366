package dev.stride.access;

import static dev.stride.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.support.Api;
import dev.stride.support.Api.Answer;
import dev.stride.support.DeployedStride;
import dev.stride.support.SecondBackendPerClass;
import dev.stride.support.TestDatabase;
import dev.stride.support.Tokens;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tokens of the contract: created, listed, checked with /api/me, revoked on every backend. */
class TokensIT extends DeployedStride {
  @RegisterExtension static final SecondBackendPerClass second = new SecondBackendPerClass();

  private String user;

  @BeforeEach
  void aUser() {
    user = "tok-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aNewTokenShowsItsSecretOnceAndMeNamesItsCaller() {
    String expiry =
        Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    Answer created =
        api.postJson(
            "/api/tokens",
            "{\"name\": \"watch\", \"scopes\": [\"write\", \"read\"], \"userId\": \""
                + user
                + "\", \"expiresAt\": \""
                + expiry
                + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonObject token = created.json();
    assertThat(token.getString("secret")).matches("stride_[A-Za-z0-9_-]{43,}");
    assertThat(token.getString("userId")).isEqualTo(user);
    assertThat(token.getJsonArray("scopes").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactlyInAnyOrder("read", "write");
    assertThat(token.getString("expiresAt")).isEqualTo(expiry);
    assertThat(token.isNull("lastUsedAt")).isTrue();

    JsonObject me = api.as(token.getString("secret")).get("/api/me").json();
    assertThat(me.getString("userId")).isEqualTo(user);
    assertThat(me.getString("tokenId")).isEqualTo(token.getString("id"));

    List<JsonObject> listed =
        api.get("/api/tokens?userId=" + user)
            .json()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).containsKey("secret")).as("a secret is shown once").isFalse();
  }

  @Test
  void aTokenListsAndManagesOnlyItsOwnUsersTokensNewestFirst() {
    Api self = api.as(Tokens.secretOf(api, user, "read"));
    String older = Tokens.mint(api, user, "read").getString("id");
    String newer = Tokens.mint(api, user, "read").getString("id");
    List<String> ids =
        self.get("/api/tokens").json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .map(t -> t.getString("id"))
            .toList();
    assertThat(ids).hasSize(3).containsSubsequence(newer, older);
    Answer own = self.postJson("/api/tokens", "{\"name\": \"phone\", \"scopes\": [\"read\"]}");
    assertThat(own.status()).isEqualTo(201);
    assertThat(own.json().getString("userId")).as("the caller's user by default").isEqualTo(user);
    assertProblem(
        self.postJson("/api/tokens", "{\"name\": \"more\", \"scopes\": [\"write\"]}"), 403);
    assertProblem(
        self.postJson(
            "/api/tokens",
            "{\"name\": \"x\", \"scopes\": [\"read\"], \"userId\": \"someone-else\"}"),
        403);
    assertThat(self.delete("/api/tokens/" + older).status()).isEqualTo(204);
    assertProblem(self.delete("/api/tokens/" + older), 404);
  }

  @Test
  void aBodyBreakingTheRulesIs400WithEveryField() {
    Answer answer =
        api.postJson(
            "/api/tokens",
            "{\"name\": \"\", \"scopes\": [\"read\", \"fly\"], \"userId\": \"not ok!\","
                + " \"expiresAt\": \"2020-01-01T00:00:00Z\"}");
    assertProblem(answer, 400);
    assertThat(answer.errorFields())
        .containsExactlyInAnyOrder("name", "scopes", "userId", "expiresAt");
    assertProblem(api.postJson("/api/tokens", "{\"name\": \"x\", \"scopes\": []}"), 400);
    assertProblem(
        api.postJson("/api/tokens", "{\"name\": \"x\", \"scopes\": [\"read\"], \"id\": 1}"), 400);
    assertProblem(
        api.postJson(
            "/api/tokens", "{\"name\": \"" + "n".repeat(101) + "\", \"scopes\": [\"read\"]}"),
        400);
  }

  @Test
  void aTokenRevokedOnOneBackendIsRefusedByTheOtherAtOnce() {
    JsonObject token = Tokens.mint(api, user, "read");
    Api onB = second.api().as(token.getString("secret"));
    assertThat(onB.get("/api/me").status()).isEqualTo(200);
    assertThat(onB.get("/api/users/" + user + "/stats").status()).isEqualTo(200);
    assertThat(api.delete("/api/tokens/" + token.getString("id")).status()).isEqualTo(204);
    assertProblem(onB.get("/api/me"), 401);
    assertProblem(onB.get("/api/users/" + user + "/stats"), 401);
  }

  /**
   * The proof that remembering tokens cannot outlive a revocation: backend B answers a token from
   * memory as fast as four threads can ask, A revokes it, and every request B was sent after the
   * DELETE was answered is refused.
   */
  @Test
  void noRequestSentAfterTheRevocationIsAnsweredIsLetInWhileTheOtherBackendIsBusyWithIt()
      throws Exception {
    JsonObject token = Tokens.mint(api, user, "read");
    Api onB = second.api().as(token.getString("secret"));
    record Sent(long at, int status) {}
    List<Sent> sent = new CopyOnWriteArrayList<>();
    AtomicBoolean going = new AtomicBoolean(true);
    AtomicLong answered = new AtomicLong(Long.MAX_VALUE);
    ExecutorService senders = Executors.newFixedThreadPool(4);
    try {
      for (int i = 0; i < 4; i++) {
        senders.submit(
            () -> {
              while (going.get()) {
                long at = System.nanoTime();
                sent.add(new Sent(at, onB.get("/api/me").status()));
              }
              return null;
            });
      }
      await(() -> sent.size() >= 200);
      assertThat(api.delete("/api/tokens/" + token.getString("id")).status()).isEqualTo(204);
      answered.set(System.nanoTime());
      await(() -> sent.stream().filter(s -> s.at() > answered.get()).count() >= 200);
    } finally {
      going.set(false);
      senders.shutdown();
      assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(sent.stream().filter(s -> s.status() == 200 && s.at() < answered.get()).count())
        .as("requests let in before the revocation")
        .isGreaterThanOrEqualTo(200);
    assertThat(sent.stream().filter(s -> s.at() > answered.get()).map(Sent::status).distinct())
        .as("the answers to requests sent after the DELETE was answered")
        .containsExactly(401);
  }

  /**
   * A backend that has stopped renewing its lease (here: a lease row no backend renews) holds the
   * answer to a DELETE back until its lease has run out, since it might still answer from memory.
   */
  @Test
  void aDeleteWaitsForABackendThatHoldsALeaseButDoesNotAnswer() throws Exception {
    JsonObject token = Tokens.mint(api, user, "read");
    UUID silent = UUID.randomUUID();
    try (Connection db = TestDatabase.ofThisTestRun().connect()) {
      try (PreparedStatement lease =
          db.prepareStatement(
              "INSERT INTO token_cache_leases (backend, expires_at, seen)"
                  + " VALUES (?, now() + interval '2 seconds', -1)")) {
        lease.setObject(1, silent);
        lease.executeUpdate();
      }
      assertThat(api.delete("/api/tokens/" + token.getString("id")).status()).isEqualTo(204);
      try (PreparedStatement lease =
          db.prepareStatement(
              "SELECT expires_at <= now() FROM token_cache_leases WHERE backend = ?")) {
        lease.setObject(1, silent);
        try (ResultSet row = lease.executeQuery()) {
          assertThat(row.next()).isTrue();
          assertThat(row.getBoolean(1)).as("the silent backend's lease had run out").isTrue();
        }
      }
    }
    assertProblem(api.as(token.getString("secret")).get("/api/me"), 401);
  }

  /** Polls (no sleeping for a fixed time) until the condition holds, for at most 30 s. */
  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("waited 30 s").isNegative();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }
}
