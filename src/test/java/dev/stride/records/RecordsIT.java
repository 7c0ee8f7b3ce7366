package dev.stride.records;

import static dev.stride.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.support.Api.Answer;
import dev.stride.support.DeployedStride;
import dev.stride.support.Tokens;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract's "Records": each kind per activity, the fastest stretches of an imported run with a
 * known fastest kilometre, ties, order, filters, and a changed activity moving the records.
 */
class RecordsIT extends DeployedStride {
  private static final double EARTH_RADIUS = 6_371_008.8;
  private static final Instant START = Instant.parse("2026-09-01T06:00:00Z");

  private static String user(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * 1,500 s along a meridian, a sample a second: 4 m/s, but 5 m/s from 300 s to 500 s. So 6,200 m;
   * the fastest 1,000 m take 200 s, the fastest 5,000 m 1,200 s (the fast km and 4,000 m at 4 m/s),
   * and nothing covers 10 km.
   */
  private static byte[] runWithAFastKilometre() {
    StringBuilder gpx =
        new StringBuilder(
            "<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"t\""
                + " xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>running</type><trkseg>");
    double meters = 0;
    for (int t = 0; t <= 1500; t++) {
      double latitude = 45 + Math.toDegrees(meters / EARTH_RADIUS);
      gpx.append("<trkpt lat=\"")
          .append(latitude)
          .append("\" lon=\"9\"><time>")
          .append(START.plusSeconds(t))
          .append("</time></trkpt>");
      meters += (t >= 300 && t < 500) ? 5 : 4;
    }
    return gpx.append("</trkseg></trk></gpx>").toString().getBytes();
  }

  private String post(String userId, String activity, String startedAt, int seconds, String more) {
    Answer answer =
        api.postJson(
            "/api/sessions",
            "{\"userId\":\""
                + userId
                + "\",\"activity\":\""
                + activity
                + "\",\"startedAt\":\""
                + startedAt
                + "\",\"durationSeconds\":"
                + seconds
                + more
                + "}");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json().getString("id");
  }

  private List<JsonObject> records(String userId, String query) {
    Answer answer = api.get("/api/users/" + userId + "/records" + query);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json().getString("userId")).isEqualTo(userId);
    return answer.json().getJsonArray("records").getValuesAs(JsonObject.class);
  }

  private static String describe(JsonObject r) {
    return r.getString("activity")
        + " "
        + r.getString("kind")
        + (r.containsKey("distanceMeters") ? " " + r.getJsonNumber("distanceMeters") : "")
        + " = "
        + r.getJsonNumber("value");
  }

  @Test
  void everyKindPerActivityInTheContractsOrder() {
    String user = user("records");
    Answer imported =
        api.post(
            "/api/sessions/import?userId=" + user, runWithAFastKilometre(), "application/gpx+xml");
    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
    String run = imported.json().getString("id");
    String longRun =
        post(
            user,
            "running",
            "2026-09-02T06:00:00Z",
            7200,
            ",\"distanceMeters\":10000.5,\"calories\":900");
    String ride = post(user, "cycling", "2026-09-03T06:00:00Z", 3600, ",\"distanceMeters\":30000");
    String firstYoga = post(user, "yoga", "2026-09-04T06:00:00Z", 1800, "");
    post(user, "yoga", "2026-09-05T06:00:00Z", 1800, ",\"distanceMeters\":0,\"calories\":0");

    List<JsonObject> records = records(user, "");
    assertThat(records.stream().map(RecordsIT::describe).toList())
        .containsExactly(
            "cycling longestDuration = 3600",
            "cycling farthestDistance = 30000.0",
            "running longestDuration = 7200",
            "running farthestDistance = 10000.5",
            "running mostCalories = 900",
            "running fastest 1000.0 = 200.0",
            "running fastest 5000.0 = 1200.0",
            "yoga longestDuration = 1800");
    assertThat(records.get(0).getString("sessionId")).isEqualTo(ride);
    assertThat(records.get(2).getString("sessionId")).isEqualTo(longRun);
    assertThat(records.get(5).getString("sessionId")).isEqualTo(run);
    assertThat(records.get(5).getString("startedAt")).isEqualTo(START.toString());
    // A tie goes to the session that started earlier.
    assertThat(records.get(7).getString("sessionId")).isEqualTo(firstYoga);
    assertThat(records.get(7).containsKey("distanceMeters")).isFalse();

    // Filters as for the statistics.
    assertThat(records(user, "?activity=yoga").stream().map(RecordsIT::describe).toList())
        .containsExactly("yoga longestDuration = 1800");
    assertThat(records(user, "?from=2026-09-02T00:00:00Z&to=2026-09-03T00:00:00Z"))
        .extracting(r -> r.getString("sessionId"))
        .containsOnly(longRun);

    // The fastest distances are the session's current activity's: a ride of 6.2 km covers none.
    Answer patched =
        api.send(
            "/api/sessions/" + run,
            "PATCH",
            java.net.http.HttpRequest.BodyPublishers.ofString("{\"activity\":\"cycling\"}"),
            "application/merge-patch+json");
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(records(user, "").stream().map(RecordsIT::describe).toList())
        .noneMatch(r -> r.contains("fastest"));
  }

  @Test
  void aUserWithoutSessionsHasNoRecordsAndBadQueriesAre400() {
    assertThat(records(user("nobody"), "")).isEmpty();
    Answer refused = api.get("/api/users/u1/records?activity=dancing&from=yesterday");
    assertProblem(refused, 400);
    assertThat(refused.errorFields()).contains("activity", "from");
    String stranger = user("stranger");
    assertProblem(api.as(Tokens.secretOf(api, stranger, "read")).get("/api/users/u1/records"), 403);
  }
}
