package dev.stride.tester.sessions.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.tester.sessions.entity.Activity;
import dev.stride.tester.sessions.entity.Session;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionJsonTest {

  static Session session(String notes, Double distance, Integer avg) {
    return new Session(
        UUID.fromString("0b6f3c1e-3c43-4c5a-9d1e-2b1f7a0d9e11"),
        "u1",
        Activity.SWIMMING,
        Instant.parse("2026-11-01T07:05:09Z"),
        1800,
        distance,
        null,
        avg,
        avg == null ? null : avg + 10,
        notes);
  }

  static JsonObject parse(byte[] json) {
    return Json.createReader(new ByteArrayInputStream(json)).readObject();
  }

  @Test
  void aSessionHasTheContractsNamesAndLeavesOutWhatIsNotGiven() {
    var json = parse(SessionJson.of(session(null, null, null)));
    assertThat(json.keySet())
        .containsExactlyInAnyOrder("id", "userId", "activity", "startedAt", "durationSeconds");
    assertThat(json.getString("id")).isEqualTo("0b6f3c1e-3c43-4c5a-9d1e-2b1f7a0d9e11");
    assertThat(json.getString("activity")).isEqualTo("swimming");
    assertThat(json.getString("startedAt")).isEqualTo("2026-11-01T07:05:09Z");
    assertThat(json.getJsonNumber("durationSeconds").isIntegral()).isTrue();
  }

  @Test
  void notesAreEscapedAndUnicodeSurvives() {
    String notes = "quote \" backslash \\ newline \n tab \t bell \u0007 Café ☕ 朝 🏃‍♀️";
    var json = parse(SessionJson.of(session(notes, 1234.5, 140)));
    assertThat(json.getString("notes")).isEqualTo(notes);
    assertThat(json.getJsonNumber("distanceMeters").doubleValue()).isEqualTo(1234.5);
    assertThat(json.getInt("avgHeartRate")).isEqualTo(140);
    assertThat(json.getInt("maxHeartRate")).isEqualTo(150);
  }

  @Test
  void numbersIgnoreTheLocale() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.FRANCE);
    try {
      String json = new String(SessionJson.of(session(null, 0.5, null)));
      assertThat(json).contains("\"distanceMeters\":0.5");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void aBatchIsAnArrayInOrder() {
    byte[] batch = SessionJson.ofBatch(List.of(session("é", null, null), session(null, 1.0, 99)));
    JsonArray array = Json.createReader(new ByteArrayInputStream(batch)).readArray();
    assertThat(array).hasSize(2);
    assertThat(array.getJsonObject(0).getString("notes")).isEqualTo("é");
    assertThat(array.getJsonObject(1).getInt("avgHeartRate")).isEqualTo(99);
  }

  @Test
  void timestampsAreWrittenLikeInstantToString() {
    for (String text :
        List.of("1970-01-01T00:00:00Z", "2026-12-31T23:59:59Z", "2024-02-29T12:00:00Z")) {
      Instant instant = Instant.parse(text);
      assertThat(UtcTimestamps.of(instant)).isEqualTo(instant.toString());
    }
    Instant withNanos = Instant.parse("2026-01-01T00:00:00.5Z");
    assertThat(UtcTimestamps.of(withNanos)).isEqualTo("2026-01-01T00:00:00.500Z");
  }
}
