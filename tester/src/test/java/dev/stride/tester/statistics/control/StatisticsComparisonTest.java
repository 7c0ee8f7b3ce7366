package dev.stride.tester.statistics.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.tester.statistics.entity.ActivityStatistics;
import dev.stride.tester.statistics.entity.Difference;
import dev.stride.tester.statistics.entity.UserStatistics;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsComparisonTest {

  static UserStatistics statistics(
      long count, double distance, Double avgHeartRate, String first, long streak) {
    return new UserStatistics(
        "u1",
        null,
        null,
        "UTC",
        count,
        5400L,
        distance,
        900L,
        1800.0,
        avgHeartRate,
        182L,
        first,
        "2026-11-03T18:30:00Z",
        3L,
        streak,
        List.of(new ActivityStatistics("running", count, 5400L, distance, 900L)));
  }

  @Test
  void equalStatisticsHaveNoDifference() {
    var expected = statistics(3, 15000.0, 141.5, "2026-11-01T07:00:00Z", 3);
    assertThat(StatisticsComparison.compare(expected, expected)).isEmpty();
  }

  @Test
  void decimalsMayDifferByRoundingAndInstantsByOffset() {
    var expected = statistics(3, 15000.1, 141.5, "2026-11-01T07:00:00Z", 3);
    var actual = statistics(3, 15000.100000001, 141.5, "2026-11-01T08:00:00+01:00", 3);
    assertThat(StatisticsComparison.compare(expected, actual)).isEmpty();
  }

  @Test
  void everyDifferingFieldIsReported() {
    var expected = statistics(3, 15000.0, 141.5, "2026-11-01T07:00:00Z", 3);
    var actual = statistics(2, 14000.0, null, "2026-11-01T07:00:01Z", 2);
    assertThat(StatisticsComparison.compare(expected, actual))
        .extracting(Difference::field)
        .containsExactly(
            "sessionCount",
            "totalDistanceMeters",
            "avgHeartRate",
            "firstSessionAt",
            "longestStreakDays",
            "byActivity[running].sessionCount",
            "byActivity[running].totalDistanceMeters");
  }

  @Test
  void aMissingActivityIsReported() {
    var expected = statistics(3, 15000.0, 141.5, "2026-11-01T07:00:00Z", 3);
    var actual =
        new UserStatistics(
            "u1",
            null,
            null,
            "UTC",
            3L,
            5400L,
            15000.0,
            900L,
            1800.0,
            141.5,
            182L,
            "2026-11-01T07:00:00Z",
            "2026-11-03T18:30:00Z",
            3L,
            3L,
            List.of());
    assertThat(StatisticsComparison.compare(expected, actual))
        .singleElement()
        .satisfies(
            difference -> {
              assertThat(difference.field()).isEqualTo("byActivity");
              assertThat(difference.expected()).isEqualTo("[running]");
              assertThat(difference.actual()).isEqualTo("[]");
            });
  }
}
