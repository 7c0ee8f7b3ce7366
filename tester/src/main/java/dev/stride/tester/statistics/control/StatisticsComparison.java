package dev.stride.tester.statistics.control;

import dev.stride.tester.statistics.entity.ActivityStatistics;
import dev.stride.tester.statistics.entity.Difference;
import dev.stride.tester.statistics.entity.UserStatistics;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares the statistics the service reports with the expected ones, field by field. Counts must
 * be equal; sums and averages of decimals may differ by rounding ({@value #TOLERANCE} plus a
 * billionth of the value); instants are compared as instants, whatever their offset.
 */
public final class StatisticsComparison {

  static final double TOLERANCE = 0.01;

  private StatisticsComparison() {}

  public static List<Difference> compare(UserStatistics expected, UserStatistics actual) {
    var differences = new Differences(expected.userId());
    differences.exact("userId", expected.userId(), actual.userId());
    differences.exact("sessionCount", expected.sessionCount(), actual.sessionCount());
    differences.exact(
        "totalDurationSeconds", expected.totalDurationSeconds(), actual.totalDurationSeconds());
    differences.decimal(
        "totalDistanceMeters", expected.totalDistanceMeters(), actual.totalDistanceMeters());
    differences.exact("totalCalories", expected.totalCalories(), actual.totalCalories());
    differences.decimal(
        "avgDurationSeconds", expected.avgDurationSeconds(), actual.avgDurationSeconds());
    differences.decimal("avgHeartRate", expected.avgHeartRate(), actual.avgHeartRate());
    differences.exact("maxHeartRate", expected.maxHeartRate(), actual.maxHeartRate());
    differences.instant("firstSessionAt", expected.firstSessionAt(), actual.firstSessionAt());
    differences.instant("lastSessionAt", expected.lastSessionAt(), actual.lastSessionAt());
    differences.exact("activeDays", expected.activeDays(), actual.activeDays());
    differences.exact(
        "longestStreakDays", expected.longestStreakDays(), actual.longestStreakDays());
    compareActivities(differences, expected.byActivity(), actual.byActivity());
    return differences.list;
  }

  private static void compareActivities(
      Differences differences, List<ActivityStatistics> expected, List<ActivityStatistics> actual) {
    if (actual == null) {
      differences.add("byActivity", "a list", "null");
      return;
    }
    var expectedOrder = expected.stream().map(ActivityStatistics::activity).toList();
    var actualOrder = actual.stream().map(ActivityStatistics::activity).toList();
    if (!expectedOrder.equals(actualOrder)) {
      differences.add("byActivity", expectedOrder.toString(), actualOrder.toString());
    }
    Map<String, ActivityStatistics> reported = new LinkedHashMap<>();
    actual.forEach(entry -> reported.put(entry.activity(), entry));
    for (var entry : expected) {
      var other = reported.get(entry.activity());
      if (other == null) {
        continue;
      }
      String prefix = "byActivity[" + entry.activity() + "].";
      differences.exact(prefix + "sessionCount", entry.sessionCount(), other.sessionCount());
      differences.exact(
          prefix + "totalDurationSeconds",
          entry.totalDurationSeconds(),
          other.totalDurationSeconds());
      differences.decimal(
          prefix + "totalDistanceMeters", entry.totalDistanceMeters(), other.totalDistanceMeters());
      differences.exact(prefix + "totalCalories", entry.totalCalories(), other.totalCalories());
    }
  }

  private static final class Differences {
    final String userId;
    final List<Difference> list = new ArrayList<>();

    Differences(String userId) {
      this.userId = userId;
    }

    void add(String field, String expected, String actual) {
      list.add(new Difference(userId, field, expected, actual));
    }

    void exact(String field, Object expected, Object actual) {
      if (!Objects.equals(expected, actual)) {
        add(field, String.valueOf(expected), String.valueOf(actual));
      }
    }

    void decimal(String field, Double expected, Double actual) {
      boolean same =
          expected == null
              ? actual == null
              : actual != null
                  && Math.abs(expected - actual)
                      <= TOLERANCE + 1e-9 * Math.max(Math.abs(expected), Math.abs(actual));
      if (!same) {
        add(field, String.valueOf(expected), String.valueOf(actual));
      }
    }

    void instant(String field, String expected, String actual) {
      boolean same;
      try {
        same =
            expected == null
                ? actual == null
                : actual != null
                    && OffsetDateTime.parse(expected)
                        .toInstant()
                        .equals(OffsetDateTime.parse(actual).toInstant());
      } catch (DateTimeParseException e) {
        same = false;
      }
      if (!same) {
        add(field, String.valueOf(expected), String.valueOf(actual));
      }
    }
  }
}
