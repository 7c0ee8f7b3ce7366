package dev.stride.activityfiles.control;

import dev.stride.activityfiles.entity.FileTotals;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The totals of a TCX file from its lap summaries: distance and calories summed over the laps, the
 * average heart rate as the laps' averages weighted by their {@code TotalTimeSeconds} (rounded half
 * up), the maximum as the largest lap maximum. A total no lap states stays {@code null}; so do
 * calories that add up to 0 (devices write 0 when they did not count).
 */
final class LapTotals {
  private Double distance;
  private int calories;
  private double heartRateSeconds;
  private double seconds;
  private Integer maxHeartRate;

  private Double lapSeconds;
  private Integer lapAverageHeartRate;

  void startLap() {
    lapSeconds = null;
    lapAverageHeartRate = null;
  }

  void endLap() {
    if (lapAverageHeartRate != null && lapSeconds != null && lapSeconds > 0) {
      heartRateSeconds += lapAverageHeartRate * lapSeconds;
      seconds += lapSeconds;
    }
  }

  void seconds(double value) {
    lapSeconds = value;
  }

  void distance(double meters) {
    distance = distance == null ? meters : distance + meters;
  }

  void calories(int value) {
    calories = Math.addExact(calories, value);
  }

  void averageHeartRate(int bpm) {
    lapAverageHeartRate = bpm;
  }

  void maximumHeartRate(int bpm) {
    maxHeartRate = maxHeartRate == null ? bpm : Math.max(maxHeartRate, bpm);
  }

  /**
   * @throws NumberFormatException when the laps add up to more than a double holds
   */
  FileTotals totals() {
    if (distance != null && !Double.isFinite(distance)) {
      throw new NumberFormatException("total distance: " + distance);
    }
    Integer average =
        seconds > 0
            ? BigDecimal.valueOf(heartRateSeconds / seconds)
                .setScale(0, RoundingMode.HALF_UP)
                .intValueExact()
            : null;
    return new FileTotals(distance, average, maxHeartRate, calories > 0 ? calories : null);
  }
}
