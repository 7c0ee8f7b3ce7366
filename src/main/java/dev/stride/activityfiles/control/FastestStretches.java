package dev.stride.activityfiles.control;

import dev.stride.activityfiles.entity.Sample;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fastest stretches of one session (contract: "Records", {@code fastest}): for each record
 * distance, the least time in which the samples cover exactly that distance, anywhere within them.
 *
 * <p>Between two samples, distance and time are taken to grow linearly (the athlete moved evenly
 * from one sample to the next), so a stretch may start and end between samples: a fast kilometre
 * does not wait for the watch's next tick. Over a window of fixed distance sliding along such a
 * track, the time taken is linear between the points where the window's start or end passes a
 * sample, so its minimum lies at one of them: either the start is at a sample (and the end is
 * interpolated) or the end is (and the start is). Both are evaluated, each in one pass with two
 * indices that only move forward: O(n) per distance.
 */
public final class FastestStretches {
  private FastestStretches() {}

  /**
   * For each of {@code distances} (meters, positive) that the samples cover, the fastest time over
   * it in seconds, rounded to the millisecond; in the order of {@code distances}. A distance is
   * covered when the last cumulative distance minus the first is at least that distance. {@code
   * withDistances} are a session's samples with their cumulative distances ({@link
   * TrackDistances}); samples without a distance are left out.
   *
   * <p>A cumulative distance that goes down (a device's glitch, a sensor that restarted) is read as
   * standing still until it passes its earlier high again, so a glitch never makes a stretch
   * shorter than it was.
   */
  public static Map<Double, Double> of(List<Sample> withDistances, List<Double> distances) {
    Track track = Track.of(withDistances);
    Map<Double, Double> fastest = new LinkedHashMap<>();
    for (Double distance : distances) {
      if (!(distance > 0)) {
        throw new IllegalArgumentException("a record distance is positive: " + distance);
      }
      if (track.covers(distance)) {
        double seconds =
            Math.min(track.fastestFromASample(distance), track.fastestToASample(distance));
        fastest.put(distance, Math.round(seconds * 1000) / 1000.0);
      }
    }
    return Collections.unmodifiableMap(fastest);
  }

  /**
   * The samples that have a distance, as two arrays: seconds since the first and meters, the meters
   * never decreasing. Each method below interpolates inside segment {@code [k - 1, k]}, where the
   * distance grows strictly, so no division is by zero.
   */
  private record Track(double[] seconds, double[] meters, int size) {

    static Track of(List<Sample> samples) {
      double[] seconds = new double[samples.size()];
      double[] meters = new double[samples.size()];
      int size = 0;
      for (Sample sample : samples) {
        Double distance = sample.distanceMeters();
        if (distance == null || !Double.isFinite(distance)) {
          continue;
        }
        seconds[size] = Seconds.between(samples.get(0).time(), sample.time());
        meters[size] = size == 0 ? distance : Math.max(meters[size - 1], distance);
        size++;
      }
      return new Track(seconds, meters, size);
    }

    boolean covers(double distance) {
      return size > 1 && meters[size - 1] - meters[0] >= distance;
    }

    /**
     * The least time over {@code distance} of stretches that start at a sample: for each start, the
     * end is the first point where the distance reaches the start's plus {@code distance} (the
     * first, since time only grows). The end only moves forward as the start does.
     */
    double fastestFromASample(double distance) {
      double best = Double.POSITIVE_INFINITY;
      int end = 1;
      for (int start = 0; start < size; start++) {
        double target = meters[start] + distance;
        while (end < size && meters[end] < target) {
          end++;
        }
        if (end == size) {
          break; // no later start reaches the distance either
        }
        // meters[end - 1] < target <= meters[end]: end - 1 >= start, since distance > 0.
        double arrival = timeAt(end, target);
        best = Math.min(best, arrival - seconds[start]);
      }
      return best;
    }

    /**
     * The least time over {@code distance} of stretches that end at a sample: for each end, the
     * start is the last point where the distance is the end's minus {@code distance} (the last,
     * since a later start is a shorter time). The start only moves forward as the end does.
     */
    double fastestToASample(double distance) {
      double best = Double.POSITIVE_INFINITY;
      int start = 0;
      for (int end = 0; end < size; end++) {
        double target = meters[end] - distance;
        if (target < meters[0]) {
          continue; // this end is too near the first sample
        }
        while (start + 1 < size && meters[start + 1] <= target) {
          start++;
        }
        // meters[start] <= target < meters[start + 1], and start + 1 <= end, since distance > 0.
        best = Math.min(best, seconds[end] - timeAt(start + 1, target));
      }
      return best;
    }

    /** The time at which the distance is {@code target} within segment {@code [k - 1, k]}. */
    private double timeAt(int k, double target) {
      double fraction = (target - meters[k - 1]) / (meters[k] - meters[k - 1]);
      return seconds[k - 1] + fraction * (seconds[k] - seconds[k - 1]);
    }
  }
}
