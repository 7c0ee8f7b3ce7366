package dev.stride.tester.statistics.control;

import dev.stride.tester.sessions.entity.Activity;
import dev.stride.tester.sessions.entity.Session;
import dev.stride.tester.statistics.entity.ActivityStatistics;
import dev.stride.tester.statistics.entity.UserStatistics;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a user's statistics (time zone UTC, no filters) must say about the sessions the service
 * accepted, computed as the contract defines them. Sessions may be recorded from many threads.
 */
public final class ExpectedStatistics {

  private static final long SECONDS_PER_DAY = 86_400;

  private final String userId;
  private final Totals total = new Totals();
  private final Map<Activity, Totals> byActivity = new EnumMap<>(Activity.class);
  private final BitSet activeDays = new BitSet();
  private long heartRateSum;
  private long heartRateCount;
  private Integer maxHeartRate;
  private Instant first;
  private Instant last;

  public ExpectedStatistics(String userId) {
    this.userId = userId;
  }

  public String userId() {
    return userId;
  }

  public synchronized void record(Session session) {
    total.add(session);
    byActivity.computeIfAbsent(session.activity(), any -> new Totals()).add(session);
    if (session.avgHeartRate() != null) {
      heartRateSum += session.avgHeartRate();
      heartRateCount++;
    }
    if (session.maxHeartRate() != null
        && (maxHeartRate == null || session.maxHeartRate() > maxHeartRate)) {
      maxHeartRate = session.maxHeartRate();
    }
    Instant startedAt = session.startedAt();
    if (first == null || startedAt.isBefore(first)) {
      first = startedAt;
    }
    if (last == null || startedAt.isAfter(last)) {
      last = startedAt;
    }
    activeDays.set((int) Math.floorDiv(startedAt.getEpochSecond(), SECONDS_PER_DAY));
  }

  /** The statistics in the shape the service answers them. */
  public synchronized UserStatistics statistics() {
    var activities = new ArrayList<ActivityStatistics>();
    byActivity.forEach(
        (activity, totals) ->
            activities.add(
                new ActivityStatistics(
                    activity.wireName(),
                    totals.sessions,
                    totals.durationSeconds,
                    totals.distanceMeters.doubleValue(),
                    totals.calories)));
    boolean any = total.sessions > 0;
    return new UserStatistics(
        userId,
        null,
        null,
        "UTC",
        total.sessions,
        total.durationSeconds,
        total.distanceMeters.doubleValue(),
        total.calories,
        any ? (double) total.durationSeconds / total.sessions : null,
        heartRateCount > 0 ? (double) heartRateSum / heartRateCount : null,
        maxHeartRate == null ? null : maxHeartRate.longValue(),
        any ? first.toString() : null,
        any ? last.toString() : null,
        (long) activeDays.cardinality(),
        (long) longestStreak(),
        activities);
  }

  private int longestStreak() {
    int longest = 0;
    for (int day = activeDays.nextSetBit(0); day >= 0; ) {
      int end = activeDays.nextClearBit(day);
      longest = Math.max(longest, end - day);
      day = activeDays.nextSetBit(end);
    }
    return longest;
  }

  /**
   * Sums of the sessions of a user or of one activity; absent values count as 0. Distances are
   * summed as decimals, as the service does: a sum of doubles carries noise (1151960.7999999998)
   * into the expected figures and the CSV files.
   */
  private static final class Totals {
    long sessions;
    long durationSeconds;
    BigDecimal distanceMeters = BigDecimal.ZERO;
    long calories;

    void add(Session session) {
      sessions++;
      durationSeconds += session.durationSeconds();
      if (session.distanceMeters() != null) {
        distanceMeters = distanceMeters.add(BigDecimal.valueOf(session.distanceMeters()));
      }
      if (session.calories() != null) {
        calories += session.calories();
      }
    }
  }
}
