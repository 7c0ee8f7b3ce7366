package dev.stride.statistics.control;

import java.math.BigDecimal;

/**
 * Adds sessions up into {@link Totals}. Distances are summed exactly, as decimals, so that a sum is
 * the number a person would write ({@code 1151960.8}, not {@code 1151960.7999999998}) and the same
 * in whatever order the sessions come.
 */
final class TotalsSum {
  private long count;
  private long durationSeconds;
  private BigDecimal distanceMeters = BigDecimal.ZERO;
  private long calories;

  void add(int durationSeconds, Double distanceMeters, Integer calories) {
    count++;
    this.durationSeconds += durationSeconds;
    if (distanceMeters != null) {
      this.distanceMeters = this.distanceMeters.add(BigDecimal.valueOf(distanceMeters));
    }
    if (calories != null) {
      this.calories += calories;
    }
  }

  long count() {
    return count;
  }

  long durationSeconds() {
    return durationSeconds;
  }

  Totals totals() {
    return new Totals(count, durationSeconds, distanceMeters.doubleValue(), calories);
  }
}
