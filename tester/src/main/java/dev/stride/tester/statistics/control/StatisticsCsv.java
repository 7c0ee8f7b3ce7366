package dev.stride.tester.statistics.control;

import dev.stride.tester.output.control.CsvOutput;
import dev.stride.tester.statistics.entity.Difference;
import dev.stride.tester.statistics.entity.StatisticsSeries;
import dev.stride.tester.statistics.entity.UserStatistics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Statistics as CSV: {@code stats.csv} has one row per user and activity and a {@code total} row
 * per user, as the service returned them; {@code series.csv} one row per user and bucket; {@code
 * differences.csv} one row per field the service got wrong.
 */
public final class StatisticsCsv {

  public static final String STATS_FILE = "stats.csv";
  public static final String SERIES_FILE = "series.csv";
  public static final String DIFFERENCES_FILE = "differences.csv";
  public static final String TOTAL = "total";

  private final CsvOutput output;

  public StatisticsCsv(CsvOutput output) {
    this.output = output;
  }

  public void writeStatistics(List<UserStatistics> users) {
    try (var csv =
        output.create(
            STATS_FILE,
            "userId",
            "activity",
            "sessionCount",
            "totalDurationSeconds",
            "totalDistanceMeters",
            "totalCalories",
            "avgDurationSeconds",
            "avgHeartRate",
            "maxHeartRate",
            "firstSessionAt",
            "lastSessionAt",
            "activeDays",
            "longestStreakDays")) {
      for (var user : users) {
        if (user.byActivity() != null) {
          for (var activity : user.byActivity()) {
            csv.printRecord(
                user.userId(),
                activity.activity(),
                activity.sessionCount(),
                activity.totalDurationSeconds(),
                activity.totalDistanceMeters(),
                activity.totalCalories(),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
          }
        }
        csv.printRecord(
            user.userId(),
            TOTAL,
            user.sessionCount(),
            user.totalDurationSeconds(),
            user.totalDistanceMeters(),
            user.totalCalories(),
            user.avgDurationSeconds(),
            user.avgHeartRate(),
            user.maxHeartRate(),
            utc(user.firstSessionAt()),
            utc(user.lastSessionAt()),
            user.activeDays(),
            user.longestStreakDays());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + STATS_FILE + ": " + e.getMessage(), e);
    }
  }

  public void writeSeries(List<StatisticsSeries> series) {
    try (var csv =
        output.create(
            SERIES_FILE,
            "userId",
            "bucket",
            "start",
            "sessionCount",
            "totalDurationSeconds",
            "totalDistanceMeters",
            "totalCalories")) {
      for (var user : series) {
        for (var item :
            user.items() == null ? List.<StatisticsSeries.SeriesBucket>of() : user.items()) {
          csv.printRecord(
              user.userId(),
              user.bucket(),
              item.start(),
              item.sessionCount(),
              item.totalDurationSeconds(),
              item.totalDistanceMeters(),
              item.totalCalories());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + SERIES_FILE + ": " + e.getMessage(), e);
    }
  }

  public void writeDifferences(List<Difference> differences) {
    try (var csv = output.create(DIFFERENCES_FILE, "userId", "field", "expected", "actual")) {
      for (var difference : differences) {
        csv.printRecord(
            difference.userId(), difference.field(), difference.expected(), difference.actual());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + DIFFERENCES_FILE + ": " + e.getMessage(), e);
    }
  }

  private static String utc(String timestamp) {
    if (timestamp == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(timestamp).toInstant().toString();
    } catch (java.time.format.DateTimeParseException e) {
      return timestamp;
    }
  }
}
