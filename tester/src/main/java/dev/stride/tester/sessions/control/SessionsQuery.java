package dev.stride.tester.sessions.control;

import dev.stride.tester.sessions.entity.Activity;
import java.time.Instant;
import java.util.List;

/** The filters of {@code GET /sessions}; a {@code null} filter is not applied. */
public record SessionsQuery(String userId, List<Activity> activities, Instant from, Instant to) {

  public SessionsQuery {
    activities = activities == null ? List.of() : List.copyOf(activities);
  }

  public SessionsQuery forUser(String user) {
    return new SessionsQuery(user, activities, from, to);
  }
}
