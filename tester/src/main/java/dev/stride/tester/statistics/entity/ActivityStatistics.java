package dev.stride.tester.statistics.entity;

/** The totals of one activity inside a user's statistics. */
public record ActivityStatistics(
    String activity,
    Long sessionCount,
    Long totalDurationSeconds,
    Double totalDistanceMeters,
    Long totalCalories) {}
