package dev.stride.statistics.boundary;

import dev.stride.answers.JsonBytes;
import jakarta.json.stream.JsonGenerator;
import java.time.Instant;

/**
 * Writes statistics and series as the bytes of their JSON answers, once per version of a user's
 * sessions: the bytes are what {@link dev.stride.answers.AnswerCache} keeps and serves again. The
 * document is the one JSON-B writes from the views (their {@code @JsonbPropertyOrder}, nulls
 * written, instants in UTC, distances and averages with a decimal point); StatisticsIT reads every
 * field of it back.
 */
final class StatisticsJsonWriter {
  private StatisticsJsonWriter() {}

  static byte[] bytes(StatsView stats) {
    return JsonBytes.of(1024, json -> write(json, stats));
  }

  static byte[] bytes(SeriesView series) {
    return JsonBytes.of(256 + 128 * series.items().size(), json -> write(json, series));
  }

  private static void write(JsonGenerator json, StatsView stats) {
    json.writeStartObject().write("userId", stats.userId());
    instant(json, "from", stats.from());
    instant(json, "to", stats.to());
    json.write("tz", stats.tz())
        .write("sessionCount", stats.sessionCount())
        .write("totalDurationSeconds", stats.totalDurationSeconds())
        .write("totalDistanceMeters", DecimalPoint.text(stats.totalDistanceMeters()))
        .write("totalCalories", stats.totalCalories());
    decimal(json, "avgDurationSeconds", stats.avgDurationSeconds());
    decimal(json, "avgHeartRate", stats.avgHeartRate());
    if (stats.maxHeartRate() == null) {
      json.writeNull("maxHeartRate");
    } else {
      json.write("maxHeartRate", stats.maxHeartRate());
    }
    instant(json, "firstSessionAt", stats.firstSessionAt());
    instant(json, "lastSessionAt", stats.lastSessionAt());
    json.write("activeDays", stats.activeDays())
        .write("longestStreakDays", stats.longestStreakDays())
        .writeStartArray("byActivity");
    for (ActivityStatsView activity : stats.byActivity()) {
      json.writeStartObject()
          .write("activity", activity.activity())
          .write("sessionCount", activity.sessionCount())
          .write("totalDurationSeconds", activity.totalDurationSeconds())
          .write("totalDistanceMeters", DecimalPoint.text(activity.totalDistanceMeters()))
          .write("totalCalories", activity.totalCalories())
          .writeEnd();
    }
    json.writeEnd().writeEnd();
  }

  private static void write(JsonGenerator json, SeriesView series) {
    json.writeStartObject()
        .write("userId", series.userId())
        .write("bucket", series.bucket())
        .write("tz", series.tz())
        .writeStartArray("items");
    for (SeriesItemView item : series.items()) {
      json.writeStartObject()
          .write("start", item.start().toString())
          .write("sessionCount", item.sessionCount())
          .write("totalDurationSeconds", item.totalDurationSeconds())
          .write("totalDistanceMeters", DecimalPoint.text(item.totalDistanceMeters()))
          .write("totalCalories", item.totalCalories())
          .writeEnd();
    }
    json.writeEnd().writeEnd();
  }

  private static void instant(JsonGenerator json, String name, Instant value) {
    if (value == null) {
      json.writeNull(name);
    } else {
      json.write(name, value.toString());
    }
  }

  private static void decimal(JsonGenerator json, String name, Double value) {
    if (value == null) {
      json.writeNull(name);
    } else {
      json.write(name, DecimalPoint.text(value));
    }
  }
}
