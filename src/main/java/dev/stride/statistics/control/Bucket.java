package dev.stride.statistics.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The calendar periods a series adds sessions up by: a day, a week from Monday, a month. */
public enum Bucket {
  DAY,
  WEEK,
  MONTH;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** "must be day, week or month": the names, as a person writes a list. */
  public static final String RULE =
      "must be "
          + Arrays.stream(values())
              .limit(values().length - 1L)
              .map(Bucket::wireName)
              .collect(Collectors.joining(", "))
          + " or "
          + values()[values().length - 1].wireName();

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
