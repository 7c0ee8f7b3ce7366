package dev.stride.activityfiles.control;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as XML activity files write them: decimal text, whole values sometimes as "142.0". */
final class Numbers {
  private Numbers() {}

  /** The finite number {@code text} holds. */
  static double decimal(String text) {
    double value = Double.parseDouble(text.strip());
    if (!Double.isFinite(value)) {
      throw new NumberFormatException("not finite: " + text);
    }
    return value;
  }

  /** The whole number {@code text} holds, rounded half up. */
  static int whole(String text) {
    double value = decimal(text);
    if (Math.abs(value) > Integer.MAX_VALUE) {
      throw new NumberFormatException("too large: " + text);
    }
    return BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP).intValueExact();
  }

  /** As {@link #whole}, {@code null} for text that is not a number. */
  static Integer wholeOrNull(String text) {
    try {
      return whole(text);
    } catch (NumberFormatException | ArithmeticException notANumber) {
      return null;
    }
  }
}
