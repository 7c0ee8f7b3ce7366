package dev.stride.statistics.control;

import dev.stride.sessions.entity.Activity;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which sessions statistics are made of: one user's, optionally only some activities and a time
 * range {@code from <= startedAt < to}; {@code zone} decides which calendar day a session is on.
 */
public record StatisticsFilter(
    String userId, Set<Activity> activities, Instant from, Instant to, ZoneId zone) {

  public StatisticsFilter {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(zone, "zone");
    activities = Set.copyOf(activities);
  }

  /** A text that names exactly this filter: equal filters, and only those, give equal texts. */
  public String fingerprint() {
    return "u="
        + userId
        + "|a="
        + activities.stream().map(Activity::wireName).sorted().collect(Collectors.joining(","))
        + "|f="
        + (from == null ? "" : from.toString())
        + "|t="
        + (to == null ? "" : to.toString())
        + "|z="
        + zone.getId();
  }
}
