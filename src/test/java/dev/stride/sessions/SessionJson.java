package dev.stride.sessions;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.UUID;

/** Session bodies for the tests: a valid one with every field, to vary one field at a time. */
public final class SessionJson {
  private SessionJson() {}

  public static JsonObjectBuilder complete(String userId) {
    return Json.createObjectBuilder()
        .add("id", UUID.randomUUID().toString())
        .add("userId", userId)
        .add("activity", "running")
        .add("startedAt", "2026-11-01T07:00:00+01:00")
        .add("durationSeconds", 1800)
        .add("distanceMeters", 5000.5)
        .add("calories", 300)
        .add("avgHeartRate", 141)
        .add("maxHeartRate", 182)
        .add("notes", "Easy run by the river");
  }

  static JsonObjectBuilder minimal(String userId) {
    return Json.createObjectBuilder()
        .add("userId", userId)
        .add("activity", "yoga")
        .add("startedAt", "2026-11-02T18:30:00Z")
        .add("durationSeconds", 3600);
  }

  static String uniqueUser(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static JsonObject withStart(String userId, String startedAt, String activity) {
    return minimal(userId).add("startedAt", startedAt).add("activity", activity).build();
  }
}
