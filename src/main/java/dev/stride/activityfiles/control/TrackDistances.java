package dev.stride.activityfiles.control;

import dev.stride.activityfiles.entity.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * The cumulative distance of every sample, as {@code /samples} returns it and as the session's
 * distance and the fastest stretches are measured on (contract: "Activity files").
 *
 * <p>A file that records its own distance (a watch's wheel or foot sensor, or its own smoothing of
 * the GPS) is believed: those are the values the user saw on the device. Only a file without any
 * gets the length of its track, summed from great-circle distances between consecutive positions.
 * The two are never mixed within one file, since a sum of positions added to a device's own count
 * would measure two different things.
 */
public final class TrackDistances {
  /** The mean Earth radius (IUGG), as the contract names it. */
  public static final double EARTH_RADIUS_METERS = 6_371_008.8;

  private TrackDistances() {}

  /**
   * The samples, in their order, each with its cumulative distance in meters:
   *
   * <ul>
   *   <li>when any sample carries the file's own distance, those values; a sample without one
   *       carries the value before it (the device did not count anew), and samples before the
   *       file's first value stay {@code null} (the file does not say, and Stride does not invent a
   *       distance, not even 0, on the file's behalf);
   *   <li>otherwise the track's length up to the sample: 0.0 at the first sample with a position,
   *       plus the great-circle distance between each pair of consecutive positioned samples; a
   *       sample without a position carries the value before it; samples before the first position,
   *       and all samples of a file without any, stay {@code null}.
   * </ul>
   */
  public static List<Sample> withDistances(List<Sample> samples) {
    boolean fileCounts = samples.stream().anyMatch(sample -> sample.distanceMeters() != null);
    return fileCounts ? carriedForward(samples) : alongTheTrack(samples);
  }

  private static List<Sample> carriedForward(List<Sample> samples) {
    List<Sample> result = new ArrayList<>(samples.size());
    Double last = null;
    for (Sample sample : samples) {
      if (sample.distanceMeters() != null) {
        last = sample.distanceMeters();
      }
      result.add(sample.withDistance(last));
    }
    return List.copyOf(result);
  }

  private static List<Sample> alongTheTrack(List<Sample> samples) {
    List<Sample> result = new ArrayList<>(samples.size());
    Sample previous = null;
    Double total = null;
    for (Sample sample : samples) {
      if (sample.hasPosition()) {
        total =
            previous == null
                ? 0.0
                : total
                    + greatCircleMeters(
                        previous.latitude(),
                        previous.longitude(),
                        sample.latitude(),
                        sample.longitude());
        previous = sample;
      }
      result.add(sample.withDistance(total));
    }
    return List.copyOf(result);
  }

  /**
   * The haversine distance between two points on a sphere of the mean Earth radius. Haversine
   * rather than the spherical law of cosines: it stays accurate for the few meters between two
   * samples, where the cosine of a tiny angle rounds to 1.
   */
  static double greatCircleMeters(
      double fromLatitude, double fromLongitude, double toLatitude, double toLongitude) {
    double fromPhi = Math.toRadians(fromLatitude);
    double toPhi = Math.toRadians(toLatitude);
    double halfDeltaPhi = (toPhi - fromPhi) / 2;
    double halfDeltaLambda = Math.toRadians(toLongitude - fromLongitude) / 2;
    double sinPhi = Math.sin(halfDeltaPhi);
    double sinLambda = Math.sin(halfDeltaLambda);
    double h = sinPhi * sinPhi + Math.cos(fromPhi) * Math.cos(toPhi) * sinLambda * sinLambda;
    // Rounding may push h a hair above 1 for antipodal points, where asin is undefined.
    return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(Math.min(1.0, h)));
  }
}
