package dev.stride.statistics.boundary;

import dev.stride.problems.FieldError;
import dev.stride.problems.InvalidInputException;
import dev.stride.query.SessionFilterParameters;
import dev.stride.sessions.entity.Activity;
import dev.stride.sessions.entity.UserId;
import dev.stride.statistics.control.StatisticsFilter;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters of {@code GET /api/users/{userId}/stats}, as sent: whose statistics, of which of
 * their sessions (see {@link SessionFilterParameters}), and the time zone whose calendar days
 * count. Jersey makes one for each request through the constructor ({@code @BeanParam}); {@link
 * #filter()} checks them all at once.
 */
public class StatisticsParameters extends SessionFilterParameters {
  public static final String DEFAULT_ZONE = "UTC";

  private final String tz;

  public StatisticsParameters(
      @PathParam("userId") String userId,
      @QueryParam("activity") List<String> activity,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("tz") String tz) {
    super(userId, activity, from, to);
    this.tz = tz;
  }

  /** The sessions these parameters choose; a 400 naming every invalid parameter when any is. */
  StatisticsFilter filter() {
    List<FieldError> errors = new ArrayList<>();
    StatisticsFilter filter = filter(errors);
    InvalidInputException.throwIfAny(errors);
    return filter;
  }

  /**
   * The sessions these parameters choose; null, with {@code errors} filled, when any is invalid.
   */
  StatisticsFilter filter(List<FieldError> errors) {
    Optional<UserId> user = userId(errors);
    Period period = period(errors);
    Set<Activity> activities = activities(errors);
    Optional<ZoneId> zone = IanaZone.parse(zoneName());
    if (zone.isEmpty()) {
      errors.add(new FieldError("tz", IanaZone.RULE));
    }
    return errors.isEmpty()
        ? new StatisticsFilter(
            user.orElseThrow().value(), activities, period.from(), period.to(), zone.orElseThrow())
        : null;
  }

  /** The time zone as it was named ({@link #DEFAULT_ZONE} when it was not), echoed in answers. */
  String zoneName() {
    return tz == null ? DEFAULT_ZONE : tz;
  }
}
