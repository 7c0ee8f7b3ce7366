package dev.stride.tester.sessions.control;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes instants as UTC ISO-8601 text, {@code 2026-11-01T07:00:00Z}, the same text as {@link
 * Instant#toString()} for whole seconds, several times faster: sessions are written twice each
 * (JSON and CSV), 100,000 a second.
 */
final class UtcTimestamps {

  private static final int SECONDS_PER_DAY = 86_400;

  private UtcTimestamps() {}

  static String of(Instant instant) {
    return append(new StringBuilder(20), instant).toString();
  }

  static StringBuilder append(StringBuilder text, Instant instant) {
    long seconds = instant.getEpochSecond();
    if (instant.getNano() != 0 || seconds < 0 || seconds >= 253_402_300_800L) {
      return text.append(instant);
    }
    int secondOfDay = (int) (seconds % SECONDS_PER_DAY);
    text.append(LocalDate.ofEpochDay(seconds / SECONDS_PER_DAY)).append('T');
    twoDigits(text, secondOfDay / 3600);
    twoDigits(text.append(':'), secondOfDay / 60 % 60);
    twoDigits(text.append(':'), secondOfDay % 60);
    return text.append('Z');
  }

  private static void twoDigits(StringBuilder text, int value) {
    text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
