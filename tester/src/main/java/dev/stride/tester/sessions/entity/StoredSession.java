package dev.stride.tester.sessions.entity;

/** A session as the service returns it, every field as sent on the wire. */
public record StoredSession(
    String id,
    String userId,
    String activity,
    String startedAt,
    Long durationSeconds,
    Double distanceMeters,
    Long calories,
    Long avgHeartRate,
    Long maxHeartRate,
    String notes,
    String createdAt) {}
