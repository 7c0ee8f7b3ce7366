package dev.stride.tester.statistics.entity;

import java.util.List;

/** The answer of {@code GET /users/{userId}/stats/series}: totals per calendar bucket. */
public record StatisticsSeries(String userId, String bucket, String tz, List<SeriesBucket> items) {

  /** The totals of one day, week (starting on Monday) or month, from its first day on. */
  public record SeriesBucket(
      String start,
      Long sessionCount,
      Long totalDurationSeconds,
      Double totalDistanceMeters,
      Long totalCalories) {}
}
