package dev.stride.statistics.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The calendar periods a series adds sessions up by: a day, a week from Monday, a month. */
public enum Bucket {
  DAY,
  WEEK,
  MONTH;

  public static final String RULE = "must be day, week or month";

  private final String wireName = name().toLowerCase(Locale.ROOT);

  public String wireName() {
    return wireName;
  }

  /** The first day of the bucket that holds {@code day}. */
  public LocalDate start(LocalDate day) {
    return switch (this) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }

  public static Optional<Bucket> fromWireName(String name) {
    return Arrays.stream(values()).filter(b -> b.wireName.equals(name)).findFirst();
  }
}
