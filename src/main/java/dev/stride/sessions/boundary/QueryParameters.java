package dev.stride.sessions.boundary;

import dev.stride.problems.FieldError;
import dev.stride.sessions.entity.Activity;
import dev.stride.sessions.entity.Rfc3339;
import dev.stride.sessions.entity.SessionRules;
import dev.stride.sessions.entity.UserId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters that lists and statistics share — a user, activities, a time range — read
 * the same way everywhere: each invalid value adds a {@link FieldError} named after its parameter,
 * so that a 400 lists all of them at once.
 */
public final class QueryParameters {
  private QueryParameters() {}

  /** A time range {@code from <= startedAt < to}; either end may be open (null). */
  public record Period(Instant from, Instant to) {}

  public static void checkUserId(String userId, List<FieldError> errors) {
    if (userId != null && !UserId.isValid(userId)) {
      errors.add(new FieldError("userId", UserId.RULE));
    }
  }

  /** The activities named, each unknown one an error of its own. */
  public static Set<Activity> activities(List<String> names, List<FieldError> errors) {
    Set<Activity> activities = EnumSet.noneOf(Activity.class);
    for (String name : names) {
      Activity.fromWireName(name)
          .ifPresentOrElse(
              activities::add,
              () -> errors.add(new FieldError("activity", SessionRules.ACTIVITY_RULE)));
    }
    return activities;
  }

  /** {@code from} and {@code to} as RFC 3339 instants, {@code from} before {@code to}. */
  public static Period period(String from, String to, List<FieldError> errors) {
    Instant start = instant("from", from, errors);
    Instant end = instant("to", to, errors);
    if (start != null && end != null && !start.isBefore(end)) {
      errors.add(new FieldError("from", "must be before to"));
    }
    return new Period(start, end);
  }

  private static Instant instant(String name, String text, List<FieldError> errors) {
    if (text == null) {
      return null;
    }
    Optional<Instant> instant = Rfc3339.parse(text);
    if (instant.isEmpty()) {
      errors.add(new FieldError(name, Rfc3339.EXPECTED));
    }
    return instant.orElse(null);
  }
}
