package dev.stride.tester.activityfiles.control;

import dev.stride.tester.activityfiles.entity.Track;
import dev.stride.tester.activityfiles.entity.TrackPoint;
import dev.stride.tester.sessions.entity.Activity;
import dev.stride.tester.simulation.control.ActivityProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes the track of an outdoor activity from a seed: a random walk from a start point in a town,
 * one sample a second, at the pace {@link ActivityProfile} gives the activity, with a heart rate
 * that rises from 100 towards the activity's effort and drifts smoothly (never outside 100–180),
 * rolling elevation and a cadence that follows the speed. The same seed makes the same track.
 */
public final class TrackGenerator {

  /** The activities a watch records with GPS, so that every format can hold them. */
  public static final List<Activity> ACTIVITIES =
      List.of(Activity.RUNNING, Activity.CYCLING, Activity.WALKING, Activity.HIKING);

  /** The mean Earth radius that Stride measures tracks with. */
  static final double EARTH_RADIUS_METERS = 6_371_008.8;

  static final int MIN_HEART_RATE = 100;
  static final int MAX_HEART_RATE = 180;

  /** Where tracks start: a few towns, each track somewhere within a few kilometres. */
  private static final double[][] TOWNS = {
    {45.4642, 9.1900},
    {52.5200, 13.4050},
    {40.0150, -105.2705},
    {-33.9249, 18.4241},
    {35.6812, 139.7671},
    {59.3293, 18.0686},
    {47.3769, 8.5417}
  };

  private TrackGenerator() {}

  /** A track of {@code duration} (one point a second) of {@code activity} from {@code start}. */
  public static Track track(long seed, Activity activity, Instant start, Duration duration) {
    int samples = (int) duration.toSeconds();
    if (samples < 2 || samples > 86_400) {
      throw new IllegalArgumentException("a track lasts 2 to 86400 seconds");
    }
    var random = new Random(seed);
    var profile = ActivityProfile.of(activity);
    double[] town = TOWNS[random.nextInt(TOWNS.length)];
    double latitude = town[0] + (random.nextDouble() - 0.5) * 0.05;
    double longitude = town[1] + (random.nextDouble() - 0.5) * 0.05;
    double elevation = 20 + random.nextDouble() * 500;
    double heading = random.nextDouble() * 2 * Math.PI;
    double cruise =
        profile.minSpeed() + random.nextDouble() * (profile.maxSpeed() - profile.minSpeed());
    double speed = cruise * 0.8;
    double grade = 0;
    double effort = Math.min(MAX_HEART_RATE - 5, profile.heartRate() + random.nextGaussian() * 6);
    double heartRate = MIN_HEART_RATE;
    double distance = 0;
    var points = new ArrayList<TrackPoint>(samples);
    for (int second = 0; second < samples; second++) {
      if (second > 0) {
        // each quantity pulls back towards its level and wanders a little: smooth, never jumpy
        speed += 0.05 * (cruise - speed) + random.nextGaussian() * 0.02 * cruise;
        speed = Math.max(0.3 * cruise, speed);
        heading += random.nextGaussian() * 0.05;
        grade += -0.01 * grade + random.nextGaussian() * 0.002;
        grade = Math.max(-0.1, Math.min(0.1, grade));
        double step = speed * (1 - 2 * Math.abs(grade));
        double north = step * Math.cos(heading);
        double east = step * Math.sin(heading);
        double nextLatitude = latitude + Math.toDegrees(north / EARTH_RADIUS_METERS);
        double nextLongitude =
            longitude
                + Math.toDegrees(east / (EARTH_RADIUS_METERS * Math.cos(Math.toRadians(latitude))));
        distance += greatCircle(latitude, longitude, nextLatitude, nextLongitude);
        latitude = nextLatitude;
        longitude = nextLongitude;
        elevation += grade * step;
      }
      // warming up towards the effort, harder uphill
      double target =
          MIN_HEART_RATE
              + (effort - MIN_HEART_RATE) * (1 - Math.exp(-second / 240.0))
              + grade * 150;
      heartRate += 0.03 * (target - heartRate) + random.nextGaussian() * 0.3;
      heartRate = Math.max(MIN_HEART_RATE, Math.min(MAX_HEART_RATE, heartRate));
      int cadence =
          (int) Math.round(cadenceOf(activity) * Math.pow(speed / cruise, 0.3))
              + (int) Math.round(random.nextGaussian());
      points.add(
          new TrackPoint(
              start.plusSeconds(second),
              latitude,
              longitude,
              elevation,
              distance,
              (int) Math.round(heartRate),
              cadence));
    }
    int calories =
        (int)
            Math.round(profile.kcalPerMinute() * samples / 60.0 * (0.9 + random.nextDouble() / 5));
    return new Track(activity, nameOf(activity, start), points, calories);
  }

  /** Revolutions a minute on a bike, steps of one foot a minute on foot, as watches record it. */
  private static int cadenceOf(Activity activity) {
    return switch (activity) {
      case CYCLING -> 88;
      case RUNNING -> 86;
      case WALKING -> 56;
      case HIKING -> 50;
      default -> 60;
    };
  }

  private static String nameOf(Activity activity, Instant start) {
    String name = activity.wireName();
    return Character.toUpperCase(name.charAt(0))
        + name.substring(1)
        + " of "
        + start
        + " (stride-tester)";
  }

  /** The haversine distance, as Stride measures a track without a distance of its own. */
  static double greatCircle(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.sin(dLon / 2)
                * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
