package dev.stride.activityfiles.entity;

import java.time.Instant;

/**
 * One sample of a recording: its time and what the device measured then, {@code null} where the
 * file has no value. {@code distanceMeters} is cumulative from the start: the file's own where it
 * records one; the rules (SessionRules of activity files) fill it in from the positions otherwise.
 */
public record Sample(
    Instant time,
    Double latitude,
    Double longitude,
    Double elevationMeters,
    Double distanceMeters,
    Integer heartRate,
    Integer cadence,
    Integer powerWatts,
    Double speedMetersPerSecond) {

  public boolean hasPosition() {
    return latitude != null && longitude != null;
  }

  /** This sample with another cumulative distance. */
  public Sample withDistance(Double meters) {
    return new Sample(
        time,
        latitude,
        longitude,
        elevationMeters,
        meters,
        heartRate,
        cadence,
        powerWatts,
        speedMetersPerSecond);
  }
}
