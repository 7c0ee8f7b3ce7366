package dev.stride.activityfiles.control;

import java.time.Instant;

/** Time between samples as the rules weigh and measure it: seconds with their fraction. */
final class Seconds {
  private Seconds() {}

  /**
   * The seconds from {@code from} to {@code to}, negative when {@code to} is earlier. Seconds and
   * nanoseconds apart, so that no span of a file, however absurd, overflows on the way.
   */
  static double between(Instant from, Instant to) {
    return (to.getEpochSecond() - from.getEpochSecond()) + (to.getNano() - from.getNano()) / 1e9;
  }
}
