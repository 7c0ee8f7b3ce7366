package dev.stride.tester.sessions.control;

import dev.stride.tester.sessions.entity.Activity;
import dev.stride.tester.sessions.entity.Order;
import java.time.Instant;
import java.util.List;

/**
 * The filters and order of {@code GET /sessions}, for the JSON pages and the CSV export alike; a
 * {@code null} filter is not applied, the order is oldest first unless told.
 */
public record SessionsQuery(
    String userId, List<Activity> activities, Instant from, Instant to, Order order) {

  public SessionsQuery {
    activities = activities == null ? List.of() : List.copyOf(activities);
    order = order == null ? Order.ASC : order;
  }

  /** Oldest first. */
  public SessionsQuery(String userId, List<Activity> activities, Instant from, Instant to) {
    this(userId, activities, from, to, Order.ASC);
  }

  public SessionsQuery forUser(String user) {
    return new SessionsQuery(user, activities, from, to, order);
  }
}
