package dev.stride.tester.sessions.entity;

/**
 * A session as the service returns it, every field as sent on the wire: {@code updatedAt} equals
 * {@code createdAt} until the session is patched; {@code source} is {@code null} for a session sent
 * as JSON.
 */
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
    String createdAt,
    String updatedAt,
    SessionSource source) {}
