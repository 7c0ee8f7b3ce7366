package dev.stride.statistics.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The calendar periods a series adds sessions up by, as PostgreSQL's {@code date_trunc} cuts them:
 * a day, a week from Monday, a month from its first day.
 */
public enum Bucket {
  DAY,
  WEEK,
  MONTH;

  public static final String RULE = "must be day, week or month";

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** The name on the wire, which is also the field name that {@code date_trunc} takes. */
  public String wireName() {
    return wireName;
  }

  public static Optional<Bucket> fromWireName(String name) {
    return Arrays.stream(values()).filter(b -> b.wireName.equals(name)).findFirst();
  }
}
