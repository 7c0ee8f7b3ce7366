package dev.stride.tester.statistics.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.tester.sessions.entity.Activity;
import dev.stride.tester.sessions.entity.Session;
import dev.stride.tester.statistics.entity.ActivityStatistics;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExpectedStatisticsTest {

  static Session session(
      String startedAt,
      Activity activity,
      int duration,
      Double distance,
      Integer calories,
      Integer avg,
      Integer max) {
    return new Session(
        UUID.randomUUID(),
        "u1",
        activity,
        Instant.parse(startedAt),
        duration,
        distance,
        calories,
        avg,
        max,
        null);
  }

  @Test
  void aUserWithoutSessionsHasZeroCountsAndNulls() {
    var statistics = new ExpectedStatistics("u1").statistics();
    assertThat(statistics.sessionCount()).isZero();
    assertThat(statistics.totalDistanceMeters()).isZero();
    assertThat(statistics.avgDurationSeconds()).isNull();
    assertThat(statistics.avgHeartRate()).isNull();
    assertThat(statistics.maxHeartRate()).isNull();
    assertThat(statistics.firstSessionAt()).isNull();
    assertThat(statistics.activeDays()).isZero();
    assertThat(statistics.longestStreakDays()).isZero();
    assertThat(statistics.byActivity()).isEmpty();
  }

  @Test
  void distancesAddUpToTheDecimalAPersonWouldWrite() {
    var expected = new ExpectedStatistics("u1");
    for (int day = 1; day <= 9; day++) {
      expected.record(
          session("2026-11-0" + day + "T07:00:00Z", Activity.RUNNING, 1800, 0.1, null, null, null));
    }
    // 0.1 added nine times as doubles is 0.8999999999999999
    assertThat(expected.statistics().totalDistanceMeters()).isEqualTo(0.9);
    assertThat(expected.statistics().byActivity().get(0).totalDistanceMeters()).isEqualTo(0.9);
  }

  @Test
  void sumsCountAbsentValuesAsZeroAndHeartRatesOnlyWhereGiven() {
    var expected = new ExpectedStatistics("u1");
    expected.record(session("2026-11-01T07:00:00Z", Activity.RUNNING, 1800, 7500.5, 500, 140, 170));
    expected.record(session("2026-11-02T07:00:00Z", Activity.RUNNING, 1800, 7499.5, 400, 143, 182));
    expected.record(session("2026-11-03T18:30:00Z", Activity.YOGA, 1800, null, null, null, null));

    var statistics = expected.statistics();

    assertThat(statistics.sessionCount()).isEqualTo(3);
    assertThat(statistics.totalDurationSeconds()).isEqualTo(5400);
    assertThat(statistics.totalDistanceMeters()).isEqualTo(15000.0);
    assertThat(statistics.totalCalories()).isEqualTo(900);
    assertThat(statistics.avgDurationSeconds()).isEqualTo(1800.0);
    assertThat(statistics.avgHeartRate()).isEqualTo(141.5);
    assertThat(statistics.maxHeartRate()).isEqualTo(182);
    assertThat(statistics.firstSessionAt()).isEqualTo("2026-11-01T07:00:00Z");
    assertThat(statistics.lastSessionAt()).isEqualTo("2026-11-03T18:30:00Z");
    assertThat(statistics.tz()).isEqualTo("UTC");
    assertThat(statistics.byActivity())
        .containsExactly(
            new ActivityStatistics("running", 2L, 3600L, 15000.0, 900L),
            new ActivityStatistics("yoga", 1L, 1800L, 0.0, 0L));
  }

  @Test
  void activeDaysAndStreaksFollowUtcCalendarDays() {
    var expected = new ExpectedStatistics("u1");
    // two sessions on one day, a streak of 3 across a month end, a gap, a streak of 2
    expected.record(session("2026-10-30T23:59:59Z", Activity.WALKING, 60, null, null, null, null));
    expected.record(session("2026-10-30T00:00:00Z", Activity.WALKING, 60, null, null, null, null));
    expected.record(session("2026-10-31T12:00:00Z", Activity.CYCLING, 60, null, null, null, null));
    expected.record(session("2026-11-01T00:00:00Z", Activity.HIKING, 60, null, null, null, null));
    expected.record(session("2026-11-05T08:00:00Z", Activity.ROWING, 60, null, null, null, null));
    expected.record(session("2026-11-06T08:00:00Z", Activity.ROWING, 60, null, null, null, null));

    var statistics = expected.statistics();

    assertThat(statistics.activeDays()).isEqualTo(5);
    assertThat(statistics.longestStreakDays()).isEqualTo(3);
    assertThat(statistics.firstSessionAt()).isEqualTo("2026-10-30T00:00:00Z");
    assertThat(statistics.byActivity())
        .extracting(ActivityStatistics::activity)
        .containsExactly("cycling", "hiking", "rowing", "walking");
  }

  @Test
  void maxHeartRateWithoutAvgStillCounts() {
    var expected = new ExpectedStatistics("u1");
    expected.record(session("2026-11-01T07:00:00Z", Activity.OTHER, 60, null, null, null, 150));
    assertThat(expected.statistics().avgHeartRate()).isNull();
    assertThat(expected.statistics().maxHeartRate()).isEqualTo(150);
  }
}
