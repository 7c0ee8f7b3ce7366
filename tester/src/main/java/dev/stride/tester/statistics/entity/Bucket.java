package dev.stride.tester.statistics.entity;

/** The calendar unit of a statistics series. */
public enum Bucket {
  DAY,
  WEEK,
  MONTH;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
