package dev.stride.statistics.control;

/**
 * What a group of sessions adds up to. Distance and calories are summed over the sessions that have
 * them (the others count as 0), so an empty group is all zeros.
 */
public record Totals(
    long sessionCount, long durationSeconds, double distanceMeters, long calories) {

  public static final Totals NONE = new Totals(0, 0, 0.0, 0);
}
