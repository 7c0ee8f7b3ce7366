package dev.stride.access;

import static dev.stride.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.access.Endpoints.Endpoint;
import dev.stride.sessions.SessionJson;
import dev.stride.support.Api;
import dev.stride.support.Api.Answer;
import dev.stride.support.DeployedStride;
import dev.stride.support.TestDatabase;
import dev.stride.support.Tokens;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The "Access" section of the contract, request by request: every endpoint with no token, a
 * malformed, unknown, expired or revoked one (401, the same answer for each), a read-only token
 * writing (403), another user's token (403 on user paths, 404 on their sessions and tokens) and an
 * admin token (served).
 */
class AccessIT extends DeployedStride {
  private static final String REALM = "Bearer realm=\"stride\"";

  private String owner;
  private String other;
  private String ownersSession;

  @BeforeEach
  void twoUsersAndASession() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    owner = "own-" + run;
    other = "other-" + run;
    ownersSession = UUID.randomUUID().toString();
    String body = SessionJson.complete(owner).add("id", ownersSession).build().toString();
    assertThat(api.postJson("/api/sessions", body).status()).isEqualTo(201);
  }

  @Test
  void everyEndpointRefusesARequestWithoutAValidTokenTheSameWay() {
    Map<String, Function<Api, Answer>> refused = new LinkedHashMap<>();
    String unknown = "stride_" + "A".repeat(43);
    String expired = expiredToken();
    String revoked = revokedToken();
    List<Endpoint> endpoints = Endpoints.all();
    for (Endpoint endpoint : endpoints) {
      String path = endpoint.examplePath();
      String method = endpoint.httpMethod();
      refused.put(endpoint + " without a token", a -> send(a.as(null), method, path));
      refused.put(
          endpoint + " with Basic", a -> send(a, method, path, "Authorization", "Basic dTE6cHc="));
      refused.put(
          endpoint + " with a bare Bearer", a -> send(a, method, path, "Authorization", "Bearer"));
      refused.put(
          endpoint + " with a malformed secret", a -> send(a.as("not-a-token"), method, path));
      refused.put(endpoint + " with an unknown secret", a -> send(a.as(unknown), method, path));
      refused.put(endpoint + " with an expired token", a -> send(a.as(expired), method, path));
      refused.put(endpoint + " with a revoked token", a -> send(a.as(revoked), method, path));
    }
    String firstBody = null;
    for (var request : refused.entrySet()) {
      Answer answer = request.getValue().apply(api);
      assertProblem(answer, 401);
      assertThat(answer.header("WWW-Authenticate"))
          .as(request.getKey())
          .hasValueSatisfying(value -> assertThat(value).startsWith(REALM));
      // The body never says which of the reasons it was.
      firstBody = firstBody == null ? answer.body() : firstBody;
      assertThat(answer.body()).as(request.getKey()).isEqualTo(firstBody);
    }
    assertThat(refused).hasSizeGreaterThanOrEqualTo(7 * 11);
  }

  @Test
  void aReadOnlyTokenReadsItsOwnButWritesNothing() {
    Api reader = api.as(Tokens.secretOf(api, owner, "read"));
    assertThat(reader.get("/api/sessions/" + ownersSession).status()).isEqualTo(200);
    assertThat(reader.get("/api/users/" + owner + "/stats").status()).isEqualTo(200);
    assertThat(reader.get("/api/users/" + owner + "/stats/series").status()).isEqualTo(200);
    assertThat(reader.get("/api/sessions").json().getJsonArray("items")).hasSize(1);
    assertProblem(reader.postJson("/api/sessions", session(owner)), 403);
    assertProblem(reader.postJson("/api/sessions/batch", "[" + session(owner) + "]"), 403);
    assertProblem(reader.delete("/api/sessions/" + ownersSession), 403);
    assertThat(api.get("/api/sessions/" + ownersSession).status()).as("not deleted").isEqualTo(200);
  }

  /** The contract's order of answers: the scope (403) is checked before the media type (415). */
  @Test
  void aWriteOutsideTheScopeIs403WhateverTheBodyIsSentAs() {
    Api reader = api.as(Tokens.secretOf(api, owner, "read"));
    Api writer = api.as(Tokens.secretOf(api, owner, "read", "write"));
    byte[] body = session(owner).getBytes(StandardCharsets.UTF_8);
    for (String type : new String[] {"text/plain", "application/*", null}) {
      for (String path : new String[] {"/api/sessions", "/api/sessions/batch"}) {
        assertProblem(reader.post(path, body, type), 403);
        assertProblem(writer.post(path, body, type), 415);
      }
    }
    assertProblem(
        reader.post("/api/tokens", "{}".getBytes(StandardCharsets.UTF_8), "text/plain"), 415);
  }

  @Test
  void anotherUsersTokenGets403OnTheUsersPathsAnd404OnTheirSessions() {
    Api intruder = api.as(Tokens.secretOf(api, other, "read", "write"));
    assertProblem(intruder.get("/api/users/" + owner + "/stats"), 403);
    assertProblem(intruder.get("/api/users/" + owner + "/stats/series"), 403);
    assertProblem(intruder.get("/api/sessions?userId=" + owner), 403);
    assertProblem(intruder.get("/api/tokens?userId=" + owner), 403);
    assertProblem(intruder.postJson("/api/sessions", session(owner)), 403);
    assertProblem(
        intruder.postJson("/api/sessions/batch", "[" + session(other) + "," + session(owner) + "]"),
        403);
    assertThat(api.get("/api/sessions?userId=" + other).json().getJsonArray("items"))
        .as("the batch with one of the owner's sessions stored nothing")
        .isEmpty();
    Answer read = intruder.get("/api/sessions/" + ownersSession);
    String absentId = UUID.randomUUID().toString();
    Answer absent = intruder.get("/api/sessions/" + absentId);
    assertProblem(read, 404);
    assertThat(read.body().replace(ownersSession, "ID"))
        .as("exactly as if it did not exist")
        .isEqualTo(absent.body().replace(absentId, "ID"));
    assertProblem(intruder.delete("/api/sessions/" + ownersSession), 404);
    assertThat(api.get("/api/sessions/" + ownersSession).status()).as("not deleted").isEqualTo(200);
    String ownersToken = Tokens.mint(api, owner, "read").getString("id");
    assertProblem(intruder.delete("/api/tokens/" + ownersToken), 404);
    assertThat(intruder.get("/api/sessions").json().getJsonArray("items"))
        .as("a list without userId is the caller's own")
        .isEmpty();
  }

  @Test
  void anotherUsersSessionWithBrokenRulesIs403Not400() {
    Api intruder = api.as(Tokens.secretOf(api, other, "write"));
    String broken = SessionJson.complete(owner).add("durationSeconds", -1).build().toString();
    assertProblem(intruder.postJson("/api/sessions", broken), 403);
  }

  @Test
  void theOwnTokenWritesAndDeletesItsOwnSessions() {
    Api self = api.as(Tokens.secretOf(api, owner, "read", "write"));
    String id = UUID.randomUUID().toString();
    assertThat(
            self.postJson(
                    "/api/sessions", SessionJson.complete(owner).add("id", id).build().toString())
                .status())
        .isEqualTo(201);
    assertThat(self.get("/api/sessions").json().getJsonArray("items")).hasSize(2);
    assertThat(self.delete("/api/sessions/" + id).status()).isEqualTo(204);
  }

  @Test
  void anAdminActsForEveryUser() {
    assertThat(api.get("/api/users/" + owner + "/stats").json().getInt("sessionCount"))
        .isEqualTo(1);
    assertThat(api.postJson("/api/sessions", session(other)).status()).isEqualTo(201);
    assertThat(api.get("/api/sessions?userId=" + other).json().getJsonArray("items")).hasSize(1);
    JsonObject minted = Tokens.mint(api, other, "read");
    assertThat(minted.getString("userId")).isEqualTo(other);
    assertThat(api.get("/api/tokens?userId=" + other).json().getJsonArray("items")).hasSize(1);
    assertThat(api.delete("/api/tokens/" + minted.getString("id")).status()).isEqualTo(204);
  }

  private static String session(String userId) {
    return SessionJson.complete(userId).build().toString();
  }

  private static Answer send(Api api, String method, String path, String... headers) {
    boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    return api.send(
        path,
        method,
        body ? BodyPublishers.ofString("{}") : BodyPublishers.noBody(),
        body ? "application/json" : null,
        headers);
  }

  /** A token that expired a minute ago, written straight into the table. */
  private String expiredToken() {
    String secret = "stride_" + UUID.randomUUID().toString().replace("-", "") + "expiredxxxx";
    TestDatabase.ofThisTestRun()
        .execute(
            "INSERT INTO tokens (id, secret_hash, user_id, name, scopes, expires_at) VALUES ('"
                + UUID.randomUUID()
                + "', '\\x"
                + sha256(secret)
                + "', '"
                + owner
                + "', 'expired', ARRAY['read', 'write'], now() - interval '1 minute')");
    return secret;
  }

  /** A token that worked until it was deleted. */
  private String revokedToken() {
    JsonObject token = Tokens.mint(api, owner, "read", "write");
    Api holder = api.as(token.getString("secret"));
    assertThat(holder.get("/api/me").status()).isEqualTo(200);
    assertThat(holder.delete("/api/tokens/" + token.getString("id")).status()).isEqualTo(204);
    return token.getString("secret");
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
