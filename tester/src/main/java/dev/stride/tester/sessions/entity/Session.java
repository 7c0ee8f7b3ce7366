package dev.stride.tester.sessions.entity;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One exercise session to send. Optional values are {@code null} when not given; the constructor
 * guards the contract's rules, so an invalid session is never sent.
 */
public record Session(
    UUID id,
    String userId,
    Activity activity,
    Instant startedAt,
    int durationSeconds,
    Double distanceMeters,
    Integer calories,
    Integer avgHeartRate,
    Integer maxHeartRate,
    String notes) {

  public static final int MAX_DURATION_SECONDS = 86_400;
  public static final double MAX_DISTANCE_METERS = 1_000_000;
  public static final int MAX_CALORIES = 20_000;
  public static final int MIN_HEART_RATE = 20;
  public static final int MAX_HEART_RATE = 250;
  public static final int MAX_NOTES_CODE_POINTS = 1000;

  public Session {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(startedAt, "startedAt");
    require(validUserId(userId), "userId", userId);
    require(durationSeconds >= 1 && durationSeconds <= MAX_DURATION_SECONDS, "duration", id);
    require(
        distanceMeters == null || (distanceMeters >= 0 && distanceMeters <= MAX_DISTANCE_METERS),
        "distanceMeters",
        distanceMeters);
    require(calories == null || (calories >= 0 && calories <= MAX_CALORIES), "calories", calories);
    require(heartRate(avgHeartRate), "avgHeartRate", avgHeartRate);
    require(heartRate(maxHeartRate), "maxHeartRate", maxHeartRate);
    require(
        avgHeartRate == null || maxHeartRate == null || maxHeartRate >= avgHeartRate,
        "maxHeartRate below avgHeartRate",
        maxHeartRate);
    require(
        notes == null || notes.codePointCount(0, notes.length()) <= MAX_NOTES_CODE_POINTS,
        "notes longer than 1000 code points",
        id);
  }

  /** 1–64 characters from {@code A–Z a–z 0–9 . _ -}, the first a letter or digit. */
  static boolean validUserId(String userId) {
    if (userId.isEmpty() || userId.length() > 64) {
      return false;
    }
    for (int i = 0; i < userId.length(); i++) {
      char c = userId.charAt(i);
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphanumeric && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean heartRate(Integer value) {
    return value == null || (value >= MIN_HEART_RATE && value <= MAX_HEART_RATE);
  }

  private static void require(boolean valid, String rule, Object value) {
    if (!valid) {
      throw new IllegalArgumentException("invalid session, " + rule + ": " + value);
    }
  }
}
