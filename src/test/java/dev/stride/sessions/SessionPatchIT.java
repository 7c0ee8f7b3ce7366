package dev.stride.sessions;

import static dev.stride.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.support.Api;
import dev.stride.support.Api.Answer;
import dev.stride.support.DeployedStride;
import dev.stride.support.SecondBackendPerClass;
import dev.stride.support.Tokens;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PATCH /api/sessions/{id} as "Changing a session" of the contract says: merge-patch tables, the
 * answers' order, If-Match, a patch that changes nothing, and read-your-writes on another backend.
 */
class SessionPatchIT extends DeployedStride {
  static final String MERGE_PATCH = "application/merge-patch+json";

  @RegisterExtension static final SecondBackendPerClass second = new SecondBackendPerClass();

  private String user;
  private JsonObject stored;

  @BeforeEach
  void aStoredSession() {
    user = SessionJson.uniqueUser("patch");
    Answer created = api.postJson("/api/sessions", SessionJson.complete(user).build().toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    stored = created.json();
  }

  private String path() {
    return "/api/sessions/" + stored.getString("id");
  }

  private Answer patch(Api as, String body, String... headers) {
    return as.send(path(), "PATCH", BodyPublishers.ofString(body), MERGE_PATCH, headers);
  }

  private Answer patch(String body, String... headers) {
    return patch(api, body, headers);
  }

  /** The session as GET answers it now; its ETag in the returned answer's headers. */
  private Answer current() {
    Answer read = api.get(path());
    assertThat(read.status()).isEqualTo(200);
    return read;
  }

  private void assertUnchanged() {
    Answer now = current();
    assertThat(now.json()).isEqualTo(stored);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "activity        | \"cycling\"                  | \"cycling\"",
        "startedAt       | \"2026-10-31T23:30:00-02:00\" | \"2026-11-01T01:30:00Z\"",
        "durationSeconds | 86400                        | 86400",
        "distanceMeters  | 10000                        | 10000.0",
        "distanceMeters  | null                         | null",
        "calories        | 0                            | 0",
        "calories        | null                         | null",
        "avgHeartRate    | 182                          | 182",
        "avgHeartRate    | null                         | null",
        "maxHeartRate    | 250                          | 250",
        "maxHeartRate    | null                         | null",
        "notes           | \"a typo, mended\"           | \"a typo, mended\"",
        "notes           | null                         | null"
      })
  void eachFieldCanBeSetOrRemoved(String field, String value, String expected) {
    String before = current().header("ETag").orElseThrow();
    Answer changed = patch("{\"" + field + "\": " + value + "}");
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    JsonObject session = changed.json();
    assertThat(session.get(field).toString()).isEqualTo(expected);
    for (String other : List.of("id", "userId", "createdAt", "activity", "durationSeconds")) {
      if (!other.equals(field)) {
        assertThat(session.get(other)).as(other).isEqualTo(stored.get(other));
      }
    }
    assertThat(session.getString("updatedAt")).isGreaterThan(stored.getString("updatedAt"));
    assertThat(changed.header("ETag").orElseThrow()).isNotEqualTo(before);
    assertThat(changed.header("Cache-Control")).contains("private, no-cache");

    Answer read = current();
    assertThat(read.json()).isEqualTo(session);
    assertThat(read.header("ETag")).isEqualTo(changed.header("ETag"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"id\": \"00000000-0000-4000-8000-000000000000\"}     | id",
        "{\"userId\": \"someone-else\"}                          | userId",
        "{\"createdAt\": \"2026-11-01T00:00:00Z\"}               | createdAt",
        "{\"updatedAt\": null}                                   | updatedAt",
        "{\"source\": null}                                      | source",
        "{\"bogus\": null}                                       | bogus",
        "{\"activity\": null}                                    | activity",
        "{\"startedAt\": null}                                   | startedAt",
        "{\"durationSeconds\": null}                             | durationSeconds",
        "{\"activity\": \"napping\"}                             | activity",
        "{\"startedAt\": \"yesterday\"}                          | startedAt",
        "{\"durationSeconds\": \"1800\"}                         | durationSeconds",
        "{\"durationSeconds\": 1800.5}                           | durationSeconds",
        "{\"durationSeconds\": 0}                                | durationSeconds",
        "{\"distanceMeters\": true}                              | distanceMeters",
        "{\"calories\": 20001}                                   | calories",
        "{\"maxHeartRate\": 140}                                 | maxHeartRate",
        "{\"avgHeartRate\": 183}                                 | maxHeartRate",
        "{\"notes\": 7}                                          | notes"
      })
  void aRefusedPatchIs400NamingTheFieldAndChangesNothing(String body, String field) {
    Answer refused = patch(body);
    assertProblem(refused, 400);
    assertThat(refused.errorFields()).containsExactly(field);
    assertUnchanged();
  }

  @Test
  void idAndUserIdAreRefusedEvenWithTheStoredValues() {
    Answer refused =
        patch(
            "{\"id\": \""
                + stored.getString("id")
                + "\", \"userId\": \""
                + user
                + "\", \"notes\": \"fine\"}");
    assertProblem(refused, 400);
    assertThat(refused.errorFields()).containsExactly("id", "userId");
    assertUnchanged();
  }

  @Test
  void everyInvalidFieldIsListedAtOnce() {
    Answer refused =
        patch(
            "{\"activity\": 1, \"durationSeconds\": null, \"avgHeartRate\": 200, \"unknown\": 1,"
                + " \"source\": {}}");
    assertProblem(refused, 400);
    assertThat(refused.errorFields())
        .containsExactly("activity", "durationSeconds", "maxHeartRate", "source", "unknown");
    assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"[]", "\"notes\"", "null", "{\"notes\": \"a\", \"notes\": \"b\"}", "{", "{} {}"})
  void aBodyThatIsNoMergePatchObjectIs400(String body) {
    assertProblem(patch(body), 400);
    assertUnchanged();
  }

  @Test
  void otherMediaTypesAre415AndUnknownSessionsAre404First() {
    Answer json =
        api.send(
            path(), "PATCH", BodyPublishers.ofString("{\"notes\": \"x\"}"), "application/json");
    assertProblem(json, 415);
    assertUnchanged();
    Answer none = api.send(path(), "PATCH", BodyPublishers.ofString("{}"), null);
    assertProblem(none, 415);
    Answer unknown =
        api.send(
            "/api/sessions/3f0c8f0e-6d2a-4c1e-9a53-000000000000",
            "PATCH",
            BodyPublishers.ofString("not even json"),
            "text/plain");
    assertProblem(unknown, 404);
    Answer notAUuid =
        api.send("/api/sessions/nope", "PATCH", BodyPublishers.ofString("{}"), MERGE_PATCH);
    assertProblem(notAUuid, 404);
  }

  @Test
  void anotherUsersSessionIsNotFoundAndAReadTokenIsForbidden() {
    Api stranger =
        api.as(Tokens.secretOf(api, SessionJson.uniqueUser("stranger"), "read", "write"));
    assertProblem(patch(stranger, "{\"notes\": \"mine now\"}"), 404);
    Api reader = api.as(Tokens.secretOf(api, user, "read"));
    assertProblem(patch(reader, "{\"notes\": \"x\"}"), 403);
    Api owner = api.as(Tokens.secretOf(api, user, "read", "write"));
    assertThat(patch(owner, "{\"notes\": \"by its owner\"}").status()).isEqualTo(200);
  }

  @Test
  void ifMatchWithAnOldETagIs412AndChangesNothing() {
    String tag = current().header("ETag").orElseThrow();
    Answer first = patch("{\"calories\": 310}", "If-Match", tag);
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    stored = first.json();

    Answer stale = patch("{\"calories\": 999}", "If-Match", tag);
    assertProblem(stale, 412);
    assertUnchanged();

    Answer weak = patch("{\"calories\": 999}", "If-Match", "W/" + first.header("ETag").get());
    assertProblem(weak, 412);
    Answer list = patch("{\"calories\": 320}", "If-Match", tag + ", " + first.header("ETag").get());
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    Answer any = patch("{\"calories\": 330}", "If-Match", "*");
    assertThat(any.status()).isEqualTo(200);
    assertThat(any.json().getInt("calories")).isEqualTo(330);
  }

  @Test
  void aValidationErrorComesBeforeA412() {
    Answer both = patch("{\"durationSeconds\": -1}", "If-Match", "\"not-the-tag\"");
    assertProblem(both, 400);
    assertUnchanged();
  }

  @Test
  void aPatchThatChangesNothingLeavesUpdatedAtTheETagAndTheFeed() {
    String position =
        second.api().get("/api/sessions/changes?userId=" + user).json().getString("next");
    String tag = current().header("ETag").orElseThrow();
    Answer same =
        patch(
            "{\"activity\": \"running\", \"startedAt\": \"2026-11-01T06:00:00Z\","
                + " \"distanceMeters\": 5000.50, \"notes\": \"Easy run by the river\"}");
    assertThat(same.status()).as(same.toString()).isEqualTo(200);
    assertThat(same.json()).isEqualTo(stored);
    assertThat(same.header("ETag")).contains(tag);
    assertThat(patch("{}").json()).isEqualTo(stored);
    Answer feed = second.api().get("/api/sessions/changes?userId=" + user + "&since=" + position);
    assertThat(feed.json().getJsonArray("changes")).isEmpty();
  }

  @Test
  void aPostRetriedWithTheOriginalContentAfterAPatchIs409() {
    String original =
        SessionJson.complete(user).add("id", stored.getString("id")).build().toString();
    assertThat(patch("{\"notes\": \"changed\"}").status()).isEqualTo(200);
    assertProblem(api.postJson("/api/sessions", original), 409);
  }

  @Test
  void deleteWithIfMatchRefusesAnOldVersion() {
    String tag = current().header("ETag").orElseThrow();
    assertThat(patch("{\"notes\": \"changed\"}").status()).isEqualTo(200);
    Answer stale = api.send(path(), "DELETE", BodyPublishers.noBody(), null, "If-Match", tag);
    assertProblem(stale, 412);
    assertThat(api.get(path()).status()).isEqualTo(200);
    String now = current().header("ETag").orElseThrow();
    Answer deleted = api.send(path(), "DELETE", BodyPublishers.noBody(), null, "If-Match", now);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get(path()).status()).isEqualTo(404);
    Answer again = api.send(path(), "DELETE", BodyPublishers.noBody(), null, "If-Match", "*");
    assertProblem(again, 404);
  }

  @Test
  void anotherBackendSeesThePatchAtOnce() {
    Api b = second.api();
    String stats = "/api/users/" + user + "/stats";
    String series = "/api/users/" + user + "/stats/series?bucket=day&tz=UTC";
    String list = "/api/sessions?userId=" + user;
    Answer statsBefore = b.get(stats);
    Answer seriesBefore = b.get(series);
    Answer listBefore = b.get(list);
    Answer oneBefore = b.get(path());
    assertThat(statsBefore.json().getJsonNumber("totalDistanceMeters").doubleValue())
        .isEqualTo(5000.5);

    Answer changed = patch("{\"distanceMeters\": 7000, \"startedAt\": \"2026-11-03T10:00:00Z\"}");
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

    Answer statsAfter = b.get(stats, "If-None-Match", statsBefore.header("ETag").orElseThrow());
    assertThat(statsAfter.status()).isEqualTo(200);
    assertThat(statsAfter.json().getJsonNumber("totalDistanceMeters").doubleValue())
        .isEqualTo(7000.0);
    assertThat(statsAfter.header("ETag")).isNotEqualTo(statsBefore.header("ETag"));
    Answer seriesAfter = b.get(series, "If-None-Match", seriesBefore.header("ETag").orElseThrow());
    assertThat(seriesAfter.status()).isEqualTo(200);
    assertThat(seriesAfter.body()).contains("2026-11-03").doesNotContain("2026-11-01");
    Answer listAfter = b.get(list);
    assertThat(listAfter.json().getJsonArray("items").getJsonObject(0))
        .isEqualTo(changed.json())
        .isNotEqualTo(listBefore.json().getJsonArray("items").getJsonObject(0));
    Answer oneAfter = b.get(path(), "If-None-Match", oneBefore.header("ETag").orElseThrow());
    assertThat(oneAfter.status()).isEqualTo(200);
    assertThat(oneAfter.header("ETag")).isEqualTo(changed.header("ETag"));
  }
}
