package dev.stride.sessions.boundary;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * RFC 3339 date-times as the API takes them: always with seconds and an offset ({@code Z} or {@code
 * ±hh:mm}), up to nine fraction digits, kept to the microsecond PostgreSQL stores.
 */
public final class Rfc3339 {
  private static final Pattern SHAPE =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

  public static final String EXPECTED =
      "must be an RFC 3339 date-time with an offset, such as 2026-11-01T07:00:00Z";

  private Rfc3339() {}

  /** The instant the text names, or empty when it is not an RFC 3339 date-time with offset. */
  public static Optional<Instant> parse(String text) {
    if (text == null || !SHAPE.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          OffsetDateTime.parse(
                  text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
              .toInstant()
              .truncatedTo(ChronoUnit.MICROS));
    } catch (DateTimeParseException e) {
      return Optional.empty(); // the right shape but no such date, e.g. February 30th
    }
  }
}
