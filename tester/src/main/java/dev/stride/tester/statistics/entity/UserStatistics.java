package dev.stride.tester.statistics.entity;

import java.util.List;

/** The answer of {@code GET /users/{userId}/stats}. */
public record UserStatistics(
    String userId,
    String from,
    String to,
    String tz,
    Long sessionCount,
    Long totalDurationSeconds,
    Double totalDistanceMeters,
    Long totalCalories,
    Double avgDurationSeconds,
    Double avgHeartRate,
    Long maxHeartRate,
    String firstSessionAt,
    String lastSessionAt,
    Long activeDays,
    Long longestStreakDays,
    List<ActivityStatistics> byActivity) {}
