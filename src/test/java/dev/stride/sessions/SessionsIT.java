package dev.stride.sessions;

import static dev.stride.support.Problems.assertLeaksNothing;
import static dev.stride.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.sessions.entity.Activity;
import dev.stride.support.Api;
import dev.stride.support.Api.Answer;
import dev.stride.support.DeployedStride;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Recording, retrying, reading and deleting sessions, as a client of the API sees them. */
class SessionsIT extends DeployedStride {

  @Test
  void recordsASessionAndReadsItBack() {
    String user = SessionJson.uniqueUser("rec");
    JsonObject sent = SessionJson.complete(user).build();

    Answer created = api.postJson("/api/sessions", sent.toString());

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.contentType()).startsWith("application/json");
    JsonObject stored = created.json();
    // No STRIDE_PUBLIC_URL here: the path alone, never the client's Host.
    assertThat(created.header("Location")).hasValue("/api/sessions/" + sent.getString("id"));
    assertThat(stored.getString("id")).isEqualTo(sent.getString("id"));
    assertThat(stored.getString("userId")).isEqualTo(user);
    assertThat(stored.getString("activity")).isEqualTo("running");
    assertThat(stored.getString("startedAt")).isEqualTo("2026-11-01T06:00:00Z");
    assertThat(stored.getInt("durationSeconds")).isEqualTo(1800);
    assertThat(stored.getJsonNumber("distanceMeters").doubleValue()).isEqualTo(5000.5);
    assertThat(stored.getInt("calories")).isEqualTo(300);
    assertThat(stored.getInt("avgHeartRate")).isEqualTo(141);
    assertThat(stored.getInt("maxHeartRate")).isEqualTo(182);
    assertThat(stored.getString("notes")).isEqualTo("Easy run by the river");
    assertThat(Instant.parse(stored.getString("createdAt")))
        .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
    assertThat(stored.getString("createdAt")).endsWith("Z");

    Answer read = api.get("/api/sessions/" + sent.getString("id"));
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json()).isEqualTo(stored);
  }

  @Test
  void absentAndNullOptionalFieldsAreAnsweredAsNullAndTheServerAssignsAnId() {
    String user = SessionJson.uniqueUser("min");
    JsonObject sent =
        SessionJson.minimal(user).addNull("id").addNull("distanceMeters").addNull("notes").build();

    Answer created = api.postJson("/api/sessions", sent.toString());

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonObject stored = created.json();
    assertThat(UUID.fromString(stored.getString("id")).toString())
        .isEqualTo(stored.getString("id"));
    for (String field :
        List.of("distanceMeters", "calories", "avgHeartRate", "maxHeartRate", "notes")) {
      assertThat(stored.get(field)).as(field).isEqualTo(JsonValue.NULL);
    }
    assertThat(stored.keySet())
        .containsExactlyInAnyOrder(
            "id",
            "userId",
            "activity",
            "startedAt",
            "durationSeconds",
            "distanceMeters",
            "calories",
            "avgHeartRate",
            "maxHeartRate",
            "notes",
            "createdAt",
            "updatedAt",
            "source");
    assertThat(stored.get("source")).isEqualTo(JsonValue.NULL);
    assertThat(stored.getString("updatedAt")).isEqualTo(stored.getString("createdAt"));
  }

  @Test
  void anIdenticalRetryAnswers200WithTheStoredSessionAndStoresNothing() {
    String user = SessionJson.uniqueUser("retry");
    String id = UUID.randomUUID().toString();
    JsonObject first = SessionJson.complete(user).add("id", id).build();
    Answer created = api.postJson("/api/sessions", first.toString());
    assertThat(created.status()).isEqualTo(201);

    // The same content written differently: another offset for the same instant, 5000.50 for
    // 5000.5, the id in upper case, the fields in another order.
    String same =
        """
        {"notes": "Easy run by the river", "maxHeartRate": 182, "avgHeartRate": 141,
         "calories": 300, "distanceMeters": 5000.50, "durationSeconds": 1800,
         "startedAt": "2026-11-01T06:00:00.000Z", "activity": "running",
         "userId": "%s", "id": "%s"}"""
            .formatted(user, id.toUpperCase());
    Answer retried = api.postJson("/api/sessions", same);

    assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
    assertThat(retried.json()).isEqualTo(created.json());
    assertThat(retried.header("Location")).isEmpty();
    assertThat(api.allSessionsOf(user)).hasSize(1);
  }

  @Test
  void anotherSessionUnderAStoredIdIsAConflictAndChangesNothing() {
    String user = SessionJson.uniqueUser("conflict");
    String id = UUID.randomUUID().toString();
    JsonObject first = SessionJson.complete(user).add("id", id).build();
    JsonObject stored = api.postJson("/api/sessions", first.toString()).json();

    for (Map.Entry<String, JsonValue> change :
        Map.<String, JsonValue>of(
                "durationSeconds", Json.createValue(1801),
                "startedAt", Json.createValue("2026-11-01T06:00:00.000001Z"),
                "notes", JsonValue.NULL,
                "userId", Json.createValue(user + "x"),
                "distanceMeters", Json.createValue(5000.4))
            .entrySet()) {
      JsonObject other =
          Json.createObjectBuilder(first).add(change.getKey(), change.getValue()).build();
      Answer conflict = api.postJson("/api/sessions", other.toString());
      assertProblem(conflict, 409);
    }
    assertThat(api.get("/api/sessions/" + id).json()).isEqualTo(stored);
    assertThat(api.allSessionsOf(user)).hasSize(1);
    assertThat(api.allSessionsOf(user + "x")).isEmpty();
  }

  @Test
  void sixteenConcurrentPostsOfOneNewIdStoreExactlyOneSession() throws Exception {
    String user = SessionJson.uniqueUser("race");
    String body = SessionJson.complete(user).build().toString();
    int clients = 16;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Answer>> answers = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return api.postJson("/api/sessions", body);
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Answer> answer : answers) {
        statuses.add(answer.get().status());
      }
      assertThat(statuses).containsOnly(200, 201);
      assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(api.allSessionsOf(user)).hasSize(1);
  }

  @Test
  void aMissingSessionIs404AlsoForAnIdThatIsNotAUuid() {
    for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", "123", "%E2%82%AC")) {
      assertProblem(api.get("/api/sessions/" + id), 404);
      assertProblem(api.delete("/api/sessions/" + id), 404);
    }
  }

  @Test
  void deleteRemovesTheSessionAndFreesItsId() {
    String user = SessionJson.uniqueUser("del");
    JsonObject sent = SessionJson.complete(user).build();
    String id = sent.getString("id");
    assertThat(api.postJson("/api/sessions", sent.toString()).status()).isEqualTo(201);

    Answer deleted = api.delete("/api/sessions/" + id);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertProblem(api.get("/api/sessions/" + id), 404);
    assertProblem(api.delete("/api/sessions/" + id), 404);
    assertThat(api.allSessionsOf(user)).isEmpty();
    assertThat(api.postJson("/api/sessions", sent.toString()).status()).isEqualTo(201);
  }

  /**
   * A client generated from the document asks DELETE for application/problem+json, the only media
   * type of its answers: the session is deleted all the same, and a missing one is the 404 problem.
   */
  @Test
  void deleteAnswersWhateverTheClientAccepts() {
    JsonObject sent = SessionJson.complete(SessionJson.uniqueUser("del-accept")).build();
    String path = "/api/sessions/" + sent.getString("id");
    assertThat(api.postJson("/api/sessions", sent.toString()).status()).isEqualTo(201);

    Answer deleted = deleteAccepting(path, "application/problem+json");

    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertProblem(api.get(path), 404);
    for (String accept : List.of("application/problem+json", "text/html")) {
      assertProblem(deleteAccepting(path, accept), 404);
    }
  }

  private Answer deleteAccepting(String path, String accept) {
    return api.send(path, "DELETE", BodyPublishers.noBody(), null, "Accept", accept);
  }

  @Test
  void listsFilterByUserActivityAndTimeInBothOrders() {
    String user = SessionJson.uniqueUser("list");
    List<String> starts =
        List.of(
            "2026-10-01T08:00:00Z",
            "2026-10-02T08:00:00Z",
            "2026-10-03T08:00:00Z",
            "2026-10-04T08:00:00Z",
            "2026-10-05T08:00:00Z",
            "2026-10-06T08:00:00Z");
    List<String> activities = List.of("running", "yoga", "cycling", "running", "yoga", "swimming");
    for (int i = 0; i < starts.size(); i++) {
      JsonObject session = SessionJson.withStart(user, starts.get(i), activities.get(i));
      assertThat(api.postJson("/api/sessions", session.toString()).status()).isEqualTo(201);
    }
    api.postJson("/api/sessions", SessionJson.minimal(user + "-other").build().toString());

    assertThat(startsOf(api.get("/api/sessions?userId=" + user)))
        .containsExactly(reversed(starts).toArray(String[]::new));
    assertThat(startsOf(api.get("/api/sessions?order=asc&userId=" + user)))
        .containsExactlyElementsOf(starts);
    assertThat(
            activitiesOf(
                api.get("/api/sessions?userId=" + user + "&activity=running&activity=yoga")))
        .containsExactly("yoga", "running", "yoga", "running");
    assertThat(
            startsOf(
                api.get(
                    "/api/sessions?order=asc&userId="
                        + user
                        + "&from=2026-10-02T08:00:00Z&to=2026-10-05T08:00:00Z")))
        .containsExactly("2026-10-02T08:00:00Z", "2026-10-03T08:00:00Z", "2026-10-04T08:00:00Z");
    assertThat(
            startsOf(
                api.get(
                    "/api/sessions?order=asc&activity=swimming&userId="
                        + user
                        + "&from=2026-10-06T09:00:00%2B02:00")))
        .containsExactly("2026-10-06T08:00:00Z");
    Answer limited = api.get("/api/sessions?limit=2&userId=" + user);
    assertThat(startsOf(limited)).containsExactly("2026-10-06T08:00:00Z", "2026-10-05T08:00:00Z");
    assertThat(limited.json().getString("nextCursor")).isNotBlank();
  }

  @Test
  void theDefaultPageHolds50Sessions() {
    String user = SessionJson.uniqueUser("page");
    postSameStart(user, 51, "2026-09-01T10:00:00Z");
    Answer first = api.get("/api/sessions?userId=" + user);
    assertThat(first.json().getJsonArray("items")).hasSize(50);
    assertThat(first.json().getString("nextCursor")).isNotBlank();
  }

  @Test
  void cursorsReturnEverySessionExactlyOnceWhenManyShareAStart() {
    String user = SessionJson.uniqueUser("ties");
    List<String> ids = postSameStart(user, 120, "2026-09-01T10:00:00Z");
    postSameStart(user, 5, "2026-09-02T10:00:00Z");

    for (String order : List.of("asc", "desc")) {
      List<String> seen = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        Answer page =
            api.get(
                "/api/sessions?limit=7&order="
                    + order
                    + "&userId="
                    + user
                    + "&to=2026-09-02T00:00:00Z"
                    + (cursor == null ? "" : "&cursor=" + cursor));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        page.json().getJsonArray("items").forEach(i -> seen.add(i.asJsonObject().getString("id")));
        cursor = page.json().isNull("nextCursor") ? null : page.json().getString("nextCursor");
        pages++;
      } while (cursor != null);
      List<String> expected = ids.stream().sorted().toList();
      assertThat(seen)
          .containsExactlyElementsOf(order.equals("asc") ? expected : reversed(expected));
      assertThat(pages).isEqualTo(18); // 120 = 17 * 7 + 1
    }
  }

  @Test
  void thePageThatHoldsTheLastMatchHasNoCursorEvenWhenFull() {
    String user = SessionJson.uniqueUser("full");
    postSameStart(user, 6, "2026-09-01T10:00:00Z");
    Answer first = api.get("/api/sessions?limit=3&userId=" + user);
    Answer second =
        api.get(
            "/api/sessions?limit=3&userId="
                + user
                + "&cursor="
                + first.json().getString("nextCursor"));
    assertThat(second.json().getJsonArray("items")).hasSize(3);
    assertThat(second.json().isNull("nextCursor")).isTrue();
    Answer all = api.get("/api/sessions?limit=6&userId=" + user);
    assertThat(all.json().isNull("nextCursor")).isTrue();
  }

  @Test
  void aCursorIsBoundToItsQueryAndCannotBeForged() {
    String user = SessionJson.uniqueUser("cur");
    postSameStart(user, 4, "2026-09-01T10:00:00Z");
    String cursor = api.get("/api/sessions?limit=2&userId=" + user).json().getString("nextCursor");

    assertThat(api.get("/api/sessions?limit=3&userId=" + user + "&cursor=" + cursor).status())
        .isEqualTo(200);
    for (String query :
        List.of(
            "userId=" + user + "x&cursor=" + cursor,
            "userId=" + user + "&order=asc&cursor=" + cursor,
            "userId=" + user + "&activity=yoga&cursor=" + cursor,
            "userId=" + user + "&from=2026-01-01T00:00:00Z&cursor=" + cursor,
            "cursor=" + cursor,
            "userId=" + user + "&cursor=" + tamper(cursor),
            "userId=" + user + "&cursor=" + cursor.substring(1),
            "userId=" + user + "&cursor=not-a-cursor",
            "userId=" + user + "&cursor=")) {
      Answer refused = api.get("/api/sessions?" + query);
      assertProblem(refused, 400);
      assertThat(refused.errorFields()).as(query).containsExactly("cursor");
    }
  }

  @Test
  void invalidListParametersAre400NamingEachParameter() {
    Map<String, List<String>> cases =
        Map.of(
            "activity=dancing", List.of("activity"),
            "from=yesterday", List.of("from"),
            "to=2026-13-01T00:00:00Z", List.of("to"),
            "from=2026-10-02T00:00:00Z&to=2026-10-01T00:00:00Z", List.of("from"),
            "from=2026-10-02T00:00:00Z&to=2026-10-02T00:00:00Z", List.of("from"),
            "limit=0", List.of("limit"),
            "limit=1001", List.of("limit"),
            "limit=ten", List.of("limit"),
            "order=newest", List.of("order"),
            "userId=-bad&limit=-1", List.of("userId", "limit"));
    cases.forEach(
        (query, fields) -> {
          Answer answer = api.get("/api/sessions?" + query);
          assertProblem(answer, 400);
          assertThat(answer.errorFields()).as(query).containsExactlyElementsOf(fields);
        });
    assertThat(api.get("/api/sessions?limit=1000").status()).isEqualTo(200);
    assertThat(api.get("/api/sessions?limit=1").status()).isEqualTo(200);
  }

  @Test
  void aBodyOfExactly1MiBIsAcceptedAndOneByteMoreIs413() {
    String user = SessionJson.uniqueUser("size");
    String session = SessionJson.minimal(user).build().toString();
    int mib = 1 << 20;
    String exactly =
        session.substring(0, session.length() - 1) + " ".repeat(mib - session.length()) + "}";
    assertThat(exactly.getBytes(StandardCharsets.UTF_8)).hasSize(mib);

    assertThat(api.postJson("/api/sessions", exactly).status()).isEqualTo(201);
    Answer tooLarge = api.postJson("/api/sessions", " " + exactly);
    assertProblem(tooLarge, 413);
    assertProblem(api.postJson("/api/sessions", " ".repeat(8 * mib) + session), 413);
    assertThat(api.allSessionsOf(user)).hasSize(1);
  }

  @Test
  void aBodyThatIsNotSentAsJsonIs415() {
    String body = SessionJson.minimal(SessionJson.uniqueUser("media")).build().toString();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    assertProblem(api.post("/api/sessions", bytes, null), 415);
    assertProblem(api.post("/api/sessions", bytes, "text/plain"), 415);
    assertProblem(api.post("/api/sessions", bytes, "application/x-www-form-urlencoded"), 415);
    assertThat(api.post("/api/sessions", bytes, "application/json; charset=utf-8").status())
        .isEqualTo(201);
  }

  @Test
  void unknownPathsAndMethodsAreProblems() {
    assertProblem(api.get("/api/nothing-here"), 404);
    Answer put =
        api.send(
            "/api/sessions",
            "PUT",
            java.net.http.HttpRequest.BodyPublishers.ofString("{}"),
            "application/json");
    assertProblem(put, 405);
    assertThat(put.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
    assertProblem(
        api.send(
            "/api/sessions/" + UUID.randomUUID(),
            "PUT",
            java.net.http.HttpRequest.BodyPublishers.ofString("{}"),
            "application/json"),
        405);
    assertProblem(
        api.send(
            "/api/sessions/changes",
            "DELETE",
            java.net.http.HttpRequest.BodyPublishers.noBody(),
            null),
        405);
  }

  @Test
  void answersNameNoServerVersion() {
    for (Answer answer :
        List.of(
            api.get("/api/sessions?limit=1"),
            api.get("/api/sessions/" + UUID.randomUUID()),
            api.postJson("/api/sessions", "{"))) {
      assertLeaksNothing(answer);
    }
  }

  @Test
  void operationsEndpointsDescribeAndReportTheService() {
    Api operations = operations();
    Answer openapi = operations.get("/openapi");
    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body())
        .contains("/api/sessions:", "/api/sessions/{id}:", "application/problem+json")
        .contains("SessionInput", "Session", "SessionPage", "Problem", "FieldError")
        .contains("\"409\"", "\"413\"", "\"415\"", "nextCursor");
    Answer ready = operations.get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body()).contains("database").contains("UP");
    Answer metrics = operations.get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("# TYPE");
  }

  @Test
  void theOpenApiDocumentTakesTheActivitiesFromTheirEnumAndIsValid() {
    Answer openapi = operations().get("/openapi?format=JSON");
    assertThat(openapi.status()).isEqualTo(200);
    JsonObject document = openapi.json();
    JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
    assertThat(schemas.getJsonObject("Activity").getJsonArray("enum"))
        .extracting(value -> ((JsonString) value).getString())
        .containsExactlyElementsOf(
            Arrays.stream(Activity.values()).map(Activity::wireName).toList());
    for (String schema : List.of("SessionInput", "Session")) {
      assertThat(
              schemas.getJsonObject(schema).getJsonObject("properties").getJsonObject("activity"))
          .as(schema)
          .isEqualTo(
              Json.createObjectBuilder().add("$ref", "#/components/schemas/Activity").build());
    }
    assertThat(document.getJsonObject("components").getJsonObject("parameters").toString())
        .contains("#/components/schemas/Activity");
    // Payara's own attribute, which OpenAPI does not allow, is not written.
    assertThat(document.keySet()).doesNotContain("endpoints");
    assertThat(operations().get("/openapi").body())
        .doesNotContain("exclusiveMaximum: false", "required: false");
  }

  private List<String> postSameStart(String user, int count, String startedAt) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JsonObject session =
          SessionJson.withStart(user, startedAt, i % 2 == 0 ? "running" : "hiking");
      Answer created = api.postJson("/api/sessions", session.toString());
      assertThat(created.status()).isEqualTo(201);
      ids.add(created.json().getString("id"));
    }
    return ids;
  }

  private static String tamper(String cursor) {
    char[] chars = cursor.toCharArray();
    chars[3] = chars[3] == 'A' ? 'B' : 'A';
    return new String(chars);
  }

  private static List<String> startsOf(Answer page) {
    return field(page, o -> o.getString("startedAt"));
  }

  private static List<String> activitiesOf(Answer page) {
    return field(page, o -> o.getString("activity"));
  }

  private static List<String> field(Answer page, Function<JsonObject, String> field) {
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    return page.json().getJsonArray("items").stream()
        .map(JsonValue::asJsonObject)
        .map(field)
        .collect(Collectors.toList());
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }
}
