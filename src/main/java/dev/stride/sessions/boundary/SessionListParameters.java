package dev.stride.sessions.boundary;

import dev.stride.access.entity.Caller;
import dev.stride.problems.FieldError;
import dev.stride.problems.InvalidInputException;
import dev.stride.query.SessionFilterParameters;
import dev.stride.sessions.control.SessionQuery;
import dev.stride.sessions.entity.Activity;
import dev.stride.sessions.entity.UserId;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters of {@code GET /api/sessions}, as sent: which sessions (see {@link
 * SessionFilterParameters}), in which order, and which page of them. Jersey makes one for each
 * request through the constructor ({@code @BeanParam}); {@link #read} checks them all at once.
 */
public final class SessionListParameters extends SessionFilterParameters {
  public static final String NEWEST_FIRST = "desc";
  public static final String OLDEST_FIRST = "asc";
  static final String ORDER_RULE = "must be " + OLDEST_FIRST + " or " + NEWEST_FIRST;

  static final int DEFAULT_LIMIT = 50;
  static final int MIN_LIMIT = 1;
  static final int MAX_LIMIT = 1000;
  static final String LIMIT_RULE = "must be an integer between " + MIN_LIMIT + " and " + MAX_LIMIT;

  private final String order;
  private final String limit;
  private final String cursor;

  public SessionListParameters(
      @QueryParam("userId") String userId,
      @QueryParam("activity") List<String> activity,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("order") String order,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    super(userId, activity, from, to);
    this.order = order;
    this.limit = limit;
    this.cursor = cursor;
  }

  /**
   * A page that a list asks for: which sessions, how many, and the cursor it starts after (null for
   * the first page; only {@code Cursors}, which holds the key, can tell whether it is one).
   */
  record PageRequest(SessionQuery query, int size, String cursor) {
    /**
     * The page as this caller may list it: without a {@code userId}, a caller without admin lists
     * its own sessions (an admin: everybody's). Another user's id was refused before (403).
     */
    PageRequest forCaller(Caller caller) {
      return query.userId() != null || caller.isAdmin()
          ? this
          : new PageRequest(query.ofUser(caller.userId()), size, cursor);
    }

    /** A text that names exactly this page of this query. */
    String key() {
      return "list " + query.fingerprint() + "|c=" + (cursor == null ? "" : cursor) + "|l=" + size;
    }
  }

  /** The page these parameters ask for; a 400 naming every invalid parameter when any is. */
  PageRequest read() {
    List<FieldError> errors = new ArrayList<>();
    SessionQuery query = query(errors);
    int size = pageSize(errors);
    InvalidInputException.throwIfAny(errors);
    return new PageRequest(query, size, cursor);
  }

  /**
   * What an export asks for, as this caller may list it: the filters and the order; {@code limit}
   * and {@code cursor} do not apply (and are not read).
   */
  SessionQuery exported(Caller caller) {
    List<FieldError> errors = new ArrayList<>();
    SessionQuery query = query(errors);
    InvalidInputException.throwIfAny(errors);
    return new PageRequest(query, DEFAULT_LIMIT, null).forCaller(caller).query();
  }

  private SessionQuery query(List<FieldError> errors) {
    Optional<UserId> user = userId(errors);
    Set<Activity> activities = activities(errors);
    Period period = period(errors);
    boolean newestFirst = newestFirst(errors);
    return new SessionQuery(
        user.map(UserId::value).orElse(null), activities, period.from(), period.to(), newestFirst);
  }

  private boolean newestFirst(List<FieldError> errors) {
    if (order != null && !order.equals(OLDEST_FIRST) && !order.equals(NEWEST_FIRST)) {
      errors.add(new FieldError("order", ORDER_RULE));
    }
    return !OLDEST_FIRST.equals(order);
  }

  private int pageSize(List<FieldError> errors) {
    return limit(limit, DEFAULT_LIMIT, errors);
  }

  /**
   * A page size as sent ({@code limit}, also of the changes feed): {@value #MIN_LIMIT} to {@value
   * #MAX_LIMIT}, {@code defaultLimit} when not sent.
   */
  static int limit(String text, int defaultLimit, List<FieldError> errors) {
    if (text == null) {
      return defaultLimit;
    }
    try {
      int size = Integer.parseInt(text);
      if (size >= MIN_LIMIT && size <= MAX_LIMIT) {
        return size;
      }
    } catch (NumberFormatException e) {
      // reported below, like a number out of range
    }
    errors.add(new FieldError("limit", LIMIT_RULE));
    return defaultLimit;
  }
}
