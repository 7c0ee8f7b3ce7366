package dev.stride.sessions.control;

import dev.stride.sessions.entity.Activity;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which sessions a list asks for: optionally one user, some activities, a time range {@code from <=
 * startedAt < to}, in one order. A cursor is bound to exactly this (but not to the page size).
 */
public record SessionQuery(
    String userId, Set<Activity> activities, Instant from, Instant to, boolean newestFirst) {

  public SessionQuery {
    activities = Set.copyOf(activities);
  }

  /** The same query of one user's sessions. */
  public SessionQuery ofUser(String user) {
    return new SessionQuery(user, activities, from, to, newestFirst);
  }

  /** A stable text of the query that cursors are signed with. */
  public String fingerprint() {
    return "u="
        + (userId == null ? "" : userId)
        + "|a="
        + activities.stream().map(Activity::wireName).sorted().collect(Collectors.joining(","))
        + "|f="
        + (from == null ? "" : from.toString())
        + "|t="
        + (to == null ? "" : to.toString())
        + "|o="
        + (newestFirst ? "desc" : "asc");
  }
}
