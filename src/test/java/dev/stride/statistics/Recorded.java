package dev.stride.statistics;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A session the tests recorded through the API, as the test itself remembers it. */
record Recorded(
    String userId,
    String activity,
    Instant startedAt,
    int durationSeconds,
    Double distanceMeters,
    Integer calories,
    Integer avgHeartRate,
    Integer maxHeartRate) {

  /** A session with only the required fields, starting at an RFC 3339 time with any offset. */
  static Recorded minimal(String userId, String activity, String startedAt, int durationSeconds) {
    return new Recorded(
        userId,
        activity,
        OffsetDateTime.parse(startedAt).toInstant(),
        durationSeconds,
        null,
        null,
        null,
        null);
  }

  JsonObject toJson() {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("userId", userId)
            .add("activity", activity)
            .add("startedAt", startedAt.toString())
            .add("durationSeconds", durationSeconds);
    if (distanceMeters != null) {
      json.add("distanceMeters", distanceMeters);
    }
    if (calories != null) {
      json.add("calories", calories);
    }
    if (avgHeartRate != null) {
      json.add("avgHeartRate", avgHeartRate);
    }
    if (maxHeartRate != null) {
      json.add("maxHeartRate", maxHeartRate);
    }
    return json.build();
  }
}
