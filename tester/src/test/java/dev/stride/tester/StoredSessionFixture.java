package dev.stride.tester;

/**
 * A stored session as a fake Stride answers it, in JSON and as the row of Stride's CSV export
 * (written here by hand, as the contract describes it, not by the tester's code under test).
 */
record StoredSessionFixture(
    String id,
    String userId,
    String startedAt,
    Double distanceMeters,
    Integer calories,
    String notes,
    String updatedAt) {

  static final String HEADER =
      "id,userId,activity,startedAt,durationSeconds,distanceMeters,calories,avgHeartRate,"
          + "maxHeartRate,notes,createdAt,updatedAt\r\n";
  static final String CREATED_AT = "2026-11-02T10:00:00.120Z";

  static StoredSessionFixture of(String id, String startedAt) {
    return new StoredSessionFixture(id, "u1", startedAt, 7500.0, 500, "plain", CREATED_AT);
  }

  StoredSessionFixture withNotes(String notes) {
    return new StoredSessionFixture(
        id, userId, startedAt, distanceMeters, calories, notes, updatedAt);
  }

  StoredSessionFixture patched(String startedAt, Double distanceMeters, String updatedAt) {
    return new StoredSessionFixture(
        id, userId, startedAt, distanceMeters, calories, notes, updatedAt);
  }

  /** The session in JSON, with every field, as Stride answers it. */
  String json() {
    return "{\"id\":\""
        + id
        + "\",\"userId\":\""
        + userId
        + "\",\"activity\":\"running\",\"startedAt\":\""
        + startedAt
        + "\",\"durationSeconds\":1800,\"distanceMeters\":"
        + distanceMeters
        + ",\"calories\":"
        + calories
        + ",\"avgHeartRate\":140,\"maxHeartRate\":null,\"notes\":"
        + (notes == null
            ? "null"
            : "\"" + notes.replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n") + "\"")
        + ",\"createdAt\":\""
        + CREATED_AT
        + "\",\"updatedAt\":\""
        + updatedAt
        + "\",\"source\":null}";
  }

  /** The session's row of the CSV export, CRLF included. */
  String csvRow() {
    return String.join(
            ",",
            id,
            userId,
            "running",
            startedAt,
            "1800",
            distanceMeters == null ? "" : distanceMeters.toString(),
            calories == null ? "" : calories.toString(),
            "140",
            "",
            quoted(notes),
            CREATED_AT,
            updatedAt)
        + "\r\n";
  }

  private static String quoted(String value) {
    if (value == null) {
      return "";
    }
    if (value.matches("(?s).*[,\"\r\n].*")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  /** An upsert of the changes feed. */
  String upsert() {
    return "{\"op\":\"upsert\",\"session\":" + json() + "}";
  }

  /** The delete of the changes feed. */
  String delete() {
    return "{\"op\":\"delete\",\"id\":\""
        + id
        + "\",\"userId\":\""
        + userId
        + "\",\"deletedAt\":\"2026-11-05T00:00:00Z\"}";
  }
}
