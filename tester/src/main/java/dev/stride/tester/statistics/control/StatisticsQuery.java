package dev.stride.tester.statistics.control;

import dev.stride.tester.sessions.entity.Activity;
import java.time.Instant;
import java.util.List;

/** The filters of a statistics request; {@code null} filters are not sent. */
public record StatisticsQuery(Instant from, Instant to, List<Activity> activities, String tz) {

  public static final StatisticsQuery ALL_TIME_UTC = new StatisticsQuery(null, null, null, "UTC");

  public StatisticsQuery {
    activities = activities == null ? List.of() : List.copyOf(activities);
  }
}
