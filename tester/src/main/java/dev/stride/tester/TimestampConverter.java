package dev.stride.tester;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code 2026-11-01} (midnight UTC) or an RFC 3339 date-time such as {@code
 * 2026-11-01T07:00:00+01:00}.
 */
public final class TimestampConverter implements ITypeConverter<Instant> {

  @Override
  public Instant convert(String value) {
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "'" + value + "' is neither a date (2026-11-01) nor an RFC 3339 date-time");
    }
  }
}
