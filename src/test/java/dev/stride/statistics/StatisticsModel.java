package dev.stride.statistics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The statistics of the contract, computed in plain Java from the sessions a test recorded: the
 * reference the service's answers are compared with. Deliberately naive (java.time for calendar
 * days, a walk over the sorted days for streaks) so that it shares nothing with the SQL.
 */
final class StatisticsModel {
  private StatisticsModel() {}

  /** Which sessions count: the same filters as the API's. Null means "not given". */
  record Filter(Instant from, Instant to, Set<String> activities, ZoneId zone) {
    static Filter none(ZoneId zone) {
      return new Filter(null, null, Set.of(), zone);
    }

    boolean matches(Recorded session) {
      return (from == null || !session.startedAt().isBefore(from))
          && (to == null || session.startedAt().isBefore(to))
          && (activities.isEmpty() || activities.contains(session.activity()));
    }

    LocalDate day(Recorded session) {
      return LocalDate.ofInstant(session.startedAt(), zone);
    }
  }

  record Totals(long sessionCount, long durationSeconds, double distanceMeters, long calories) {
    static Totals of(List<Recorded> sessions) {
      return new Totals(
          sessions.size(),
          sessions.stream().mapToLong(Recorded::durationSeconds).sum(),
          sessions.stream()
              .map(Recorded::distanceMeters)
              .filter(Objects::nonNull)
              .mapToDouble(Double::doubleValue)
              .sum(),
          sessions.stream()
              .map(Recorded::calories)
              .filter(Objects::nonNull)
              .mapToLong(Integer::longValue)
              .sum());
    }
  }

  record Stats(
      Totals totals,
      Double avgDurationSeconds,
      Double avgHeartRate,
      Integer maxHeartRate,
      Instant firstSessionAt,
      Instant lastSessionAt,
      int activeDays,
      int longestStreakDays,
      Map<String, Totals> byActivity) {}

  static Stats stats(List<Recorded> all, Filter filter) {
    List<Recorded> sessions = all.stream().filter(filter::matches).toList();
    Totals totals = Totals.of(sessions);
    List<Integer> heartRates =
        sessions.stream().map(Recorded::avgHeartRate).filter(Objects::nonNull).toList();
    SortedSet<LocalDate> days = new TreeSet<>();
    sessions.forEach(s -> days.add(filter.day(s)));
    Map<String, Totals> byActivity = new TreeMap<>();
    groupBy(sessions, Recorded::activity)
        .forEach((a, group) -> byActivity.put(a, Totals.of(group)));
    return new Stats(
        totals,
        sessions.isEmpty() ? null : (double) totals.durationSeconds() / totals.sessionCount(),
        heartRates.isEmpty()
            ? null
            : (double) heartRates.stream().mapToLong(Integer::longValue).sum() / heartRates.size(),
        sessions.stream()
            .map(Recorded::maxHeartRate)
            .filter(Objects::nonNull)
            .max(Integer::compare)
            .orElse(null),
        sessions.stream().map(Recorded::startedAt).min(Instant::compareTo).orElse(null),
        sessions.stream().map(Recorded::startedAt).max(Instant::compareTo).orElse(null),
        days.size(),
        longestRun(days),
        byActivity);
  }

  /** The totals per bucket with sessions, keyed (and so ordered) by the bucket's first day. */
  static TreeMap<LocalDate, Totals> series(List<Recorded> all, Filter filter, String bucket) {
    Function<LocalDate, LocalDate> start =
        switch (bucket) {
          case "day" -> day -> day;
          case "week" -> day -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          case "month" -> day -> day.withDayOfMonth(1);
          default -> throw new IllegalArgumentException(bucket);
        };
    TreeMap<LocalDate, Totals> series = new TreeMap<>();
    groupBy(
            all.stream().filter(filter::matches).toList(),
            session -> start.apply(filter.day(session)))
        .forEach((first, group) -> series.put(first, Totals.of(group)));
    return series;
  }

  static int longestRun(SortedSet<LocalDate> days) {
    int longest = 0;
    int run = 0;
    LocalDate previous = null;
    for (LocalDate day : days) {
      run = previous != null && previous.plusDays(1).equals(day) ? run + 1 : 1;
      longest = Math.max(longest, run);
      previous = day;
    }
    return longest;
  }

  private static <K> Map<K, List<Recorded>> groupBy(
      List<Recorded> sessions, Function<Recorded, K> key) {
    Map<K, List<Recorded>> groups = new TreeMap<>();
    for (Recorded session : sessions) {
      groups.computeIfAbsent(key.apply(session), k -> new ArrayList<>()).add(session);
    }
    return groups;
  }
}
