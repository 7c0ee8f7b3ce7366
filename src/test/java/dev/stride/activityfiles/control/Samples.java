package dev.stride.activityfiles.control;

import dev.stride.activityfiles.entity.Sample;
import java.time.Instant;

/** Samples for the tests, made from what each test cares about; every other value is null. */
final class Samples {
  static final Instant START = Instant.parse("2026-11-01T07:00:00Z");

  private Samples() {}

  /** The instant {@code seconds} (with a fraction) after {@link #START}. */
  static Instant at(double seconds) {
    return START.plusNanos(Math.round(seconds * 1e9));
  }

  static Sample timed(double seconds) {
    return new Sample(at(seconds), null, null, null, null, null, null, null, null);
  }

  static Sample positioned(double seconds, double latitude, double longitude) {
    return new Sample(at(seconds), latitude, longitude, null, null, null, null, null, null);
  }

  static Sample withDistance(double seconds, Double meters) {
    return timed(seconds).withDistance(meters);
  }

  static Sample withHeartRate(double seconds, Integer beatsPerMinute) {
    return new Sample(at(seconds), null, null, null, null, beatsPerMinute, null, null, null);
  }
}
