package dev.stride.tester.activityfiles.entity;

import dev.stride.tester.sessions.entity.Activity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A recorded activity: its sport, a name (which Stride takes as the session's notes), its samples
 * in time order and the calories the watch estimated. The totals a file states (distance, heart
 * rates, time) are computed from the samples, so that every format of the same track agrees.
 */
public record Track(Activity activity, String name, List<TrackPoint> points, int calories) {

  public Track {
    Objects.requireNonNull(activity, "activity");
    points = List.copyOf(points);
    if (points.size() < 2) {
      throw new IllegalArgumentException("a track has at least two points");
    }
  }

  public Instant start() {
    return points.get(0).time();
  }

  public Instant end() {
    return points.get(points.size() - 1).time();
  }

  public Duration duration() {
    return Duration.between(start(), end());
  }

  public double distanceMeters() {
    return points.get(points.size() - 1).distanceMeters();
  }

  /** The mean of the samples, which are a second apart: the time-weighted mean. */
  public int averageHeartRate() {
    return (int) Math.round(points.stream().mapToInt(TrackPoint::heartRate).average().orElse(0));
  }

  public int maxHeartRate() {
    return points.stream().mapToInt(TrackPoint::heartRate).max().orElse(0);
  }
}
