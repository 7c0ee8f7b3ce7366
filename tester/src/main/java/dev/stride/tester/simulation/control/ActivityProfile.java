package dev.stride.tester.simulation.control;

import dev.stride.tester.sessions.entity.Activity;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a session of an activity typically looks like: its length, the speed of a person of average
 * fitness (0 when it covers no distance), how often a distance is recorded, the calories burnt per
 * minute and the average heart rate.
 */
public record ActivityProfile(
    int minMinutes,
    int maxMinutes,
    double minSpeed,
    double maxSpeed,
    double distanceShare,
    double kcalPerMinute,
    int heartRate,
    int popularity) {

  private static final Map<Activity, ActivityProfile> PROFILES = new EnumMap<>(Activity.class);

  static {
    PROFILES.put(Activity.RUNNING, new ActivityProfile(20, 100, 2.4, 4.2, 0.95, 11, 150, 30));
    PROFILES.put(Activity.CYCLING, new ActivityProfile(30, 180, 5.0, 9.5, 0.95, 9, 135, 20));
    PROFILES.put(Activity.WALKING, new ActivityProfile(20, 120, 1.1, 1.7, 0.9, 4.5, 105, 14));
    PROFILES.put(Activity.STRENGTH, new ActivityProfile(30, 80, 0, 0, 0, 7, 115, 10));
    PROFILES.put(Activity.YOGA, new ActivityProfile(20, 75, 0, 0, 0, 3.5, 95, 8));
    PROFILES.put(Activity.SWIMMING, new ActivityProfile(20, 70, 0.5, 1.1, 0.85, 10, 140, 7));
    PROFILES.put(Activity.HIKING, new ActivityProfile(60, 360, 0.8, 1.4, 0.9, 7, 120, 5));
    PROFILES.put(Activity.ROWING, new ActivityProfile(20, 70, 2.5, 4.3, 0.9, 10, 145, 4));
    PROFILES.put(Activity.OTHER, new ActivityProfile(15, 90, 1.0, 3.0, 0.4, 6, 120, 2));
  }

  public static ActivityProfile of(Activity activity) {
    return PROFILES.get(activity);
  }

  public boolean coversDistance() {
    return maxSpeed > 0;
  }
}
