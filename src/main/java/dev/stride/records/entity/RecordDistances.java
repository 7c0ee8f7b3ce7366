package dev.stride.records.entity;

import dev.stride.sessions.entity.Activity;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The distances of the {@code fastest} records per activity, as the contract's table of records
 * lists them. Activities not named here have no {@code fastest} record.
 */
public final class RecordDistances {
  private static final List<Double> ON_FOOT = List.of(1000.0, 5000.0, 10000.0, 21097.5, 42195.0);
  private static final List<Double> ON_WHEELS = List.of(10000.0, 20000.0, 40000.0, 100000.0);
  private static final List<Double> IN_WATER = List.of(100.0, 400.0, 1000.0, 1500.0);

  private static final Map<Activity, List<Double>> BY_ACTIVITY =
      Map.of(
          Activity.RUNNING, ON_FOOT,
          Activity.WALKING, ON_FOOT,
          Activity.HIKING, ON_FOOT,
          Activity.CYCLING, ON_WHEELS,
          Activity.SWIMMING, IN_WATER,
          Activity.ROWING, IN_WATER);

  /**
   * Every record distance of any activity, ascending. A session's fastest stretches are measured
   * for all of them, so that a PATCH of its activity needs no second look at its samples.
   */
  public static final List<Double> ALL =
      List.copyOf(new TreeSet<>(BY_ACTIVITY.values().stream().flatMap(List::stream).toList()));

  private RecordDistances() {}

  /** The record distances of {@code activity}, ascending; empty for one without. */
  public static List<Double> of(Activity activity) {
    return BY_ACTIVITY.getOrDefault(activity, List.of());
  }
}
