package dev.stride.query;

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
 * The query parameters that choose sessions, as sent: whose ({@code userId}), which activities
 * ({@code activity}, repeatable) and when they started ({@code from <= startedAt < to}). A subclass
 * is an endpoint's {@code @BeanParam}: its constructor says where each value comes from (the
 * statistics take the user from the path) and adds the endpoint's own parameters.
 *
 * <p>Reading a value that breaks its rule adds a {@link FieldError} named after its parameter
 * instead of failing, so that a 400 lists every invalid parameter at once, in the order in which
 * the subclass reads them.
 */
public abstract class SessionFilterParameters {
  public static final String FROM_NOT_BEFORE_TO = "must be before to";

  private final String userId;
  private final List<String> activity;
  private final String from;
  private final String to;

  protected SessionFilterParameters(String userId, List<String> activity, String from, String to) {
    this.userId = userId;
    this.activity = activity == null ? List.of() : activity;
    this.from = from;
    this.to = to;
  }

  /** A time range {@code from <= startedAt < to}; either end may be open (null). */
  public record Period(Instant from, Instant to) {}

  /** The user named; empty when none is, or when the id breaks its rule (an error). */
  protected Optional<UserId> userId(List<FieldError> errors) {
    Optional<UserId> user = UserId.parse(userId);
    if (userId != null && user.isEmpty()) {
      errors.add(new FieldError("userId", UserId.RULE));
    }
    return user;
  }

  /** The activities named (none: every activity), each unknown one an error of its own. */
  protected Set<Activity> activities(List<FieldError> errors) {
    Set<Activity> activities = EnumSet.noneOf(Activity.class);
    for (String name : activity) {
      Activity.fromWireName(name)
          .ifPresentOrElse(
              activities::add,
              () -> errors.add(new FieldError("activity", SessionRules.ACTIVITY_RULE)));
    }
    return activities;
  }

  /** {@code from} and {@code to} as RFC 3339 instants, {@code from} before {@code to}. */
  protected Period period(List<FieldError> errors) {
    Instant start = instant("from", from, errors);
    Instant end = instant("to", to, errors);
    if (start != null && end != null && !start.isBefore(end)) {
      errors.add(new FieldError("from", FROM_NOT_BEFORE_TO));
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
