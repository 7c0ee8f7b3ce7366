package dev.stride.statistics.control;

import dev.stride.sessions.entity.Activity;
import java.time.Instant;
import java.util.List;

/**
 * A user's statistics over the sessions of a {@link StatisticsFilter}. The averages, heart rates,
 * the first and the last session are null when no session has them; active days are calendar days
 * of the filter's zone with at least one session start.
 */
public record Summary(
    Totals totals,
    Double avgDurationSeconds,
    Double avgHeartRate,
    Integer maxHeartRate,
    Instant firstSessionAt,
    Instant lastSessionAt,
    int activeDays,
    int longestStreakDays,
    List<ActivityTotals> byActivity) {

  public Summary {
    byActivity = List.copyOf(byActivity);
  }

  /** The totals of one activity. */
  public record ActivityTotals(Activity activity, Totals totals) {}
}
