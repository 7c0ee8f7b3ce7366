package dev.stride.statistics.boundary;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code tz} of a statistics request: an IANA region id as the tz database spells it ({@code
 * Europe/Rome}, {@code America/Argentina/Buenos_Aires}, {@code Etc/GMT+5}), or {@code UTC}.
 *
 * <p>Refused, although {@link ZoneId#of} takes them: offsets ({@code +05:30}, {@code Z}, {@code
 * UTC+01:00}), which name no calendar and which PostgreSQL reads with the POSIX sign (east is
 * negative); legacy ids without an area ({@code CET}, {@code EST5EDT}, {@code Japan}), some of
 * which PostgreSQL reads as fixed-offset abbreviations ({@code CET} is +01:00 all year there, but
 * has summer time in the tz database); and {@code SystemV/...}, which the tz database dropped.
 */
public final class IanaZone {
  public static final String RULE =
      "must be an IANA time-zone id such as Europe/Rome or America/Los_Angeles, or UTC";

  private static final Set<String> REGIONS =
      ZoneId.getAvailableZoneIds().stream()
          .filter(id -> id.contains("/") && !id.startsWith("SystemV/"))
          .collect(Collectors.toUnmodifiableSet());

  private IanaZone() {}

  /** The zone the text names, or empty when it is not an accepted id (case matters). */
  public static Optional<ZoneId> parse(String text) {
    if ("UTC".equals(text) || (text != null && REGIONS.contains(text))) {
      return Optional.of(ZoneId.of(text));
    }
    return Optional.empty();
  }
}
