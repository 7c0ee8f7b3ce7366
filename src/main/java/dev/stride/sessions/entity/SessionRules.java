package dev.stride.sessions.entity;

import java.time.Duration;
import java.time.Instant;

/**
 * The rules a session's values follow, as the contract's table of the session resource states them,
 * each written once: the bounds, and the messages a client reads when a value breaks one. The
 * boundary checks requests with them, the OpenAPI document states them (as constant expressions in
 * its annotations), and the table's CHECKs in the migrations ({@code
 * db/migration/V1__sessions.sql}) repeat them as a second line of defence. A user id's rule is
 * {@link UserId}'s, since the list and the statistics name users too.
 */
public final class SessionRules {
  public static final String REQUIRED = "is required";

  public static final String UUID_RULE =
      "must be a UUID such as 3f0c8f0e-6d2a-4c1e-9a53-2b7d0c9e4a11";

  public static final String ACTIVITY_RULE = "must be one of " + Activity.NAMES;

  public static final int MIN_DURATION_SECONDS = 1;
  public static final int MAX_DURATION_SECONDS = 86_400;
  public static final String DURATION_RULE =
      "must be between " + MIN_DURATION_SECONDS + " and " + MAX_DURATION_SECONDS;

  public static final int MIN_DISTANCE_METERS = 0;
  public static final int MAX_DISTANCE_METERS = 1_000_000;
  public static final String DISTANCE_RULE =
      "must be between " + MIN_DISTANCE_METERS + " and " + MAX_DISTANCE_METERS;

  public static final int MIN_CALORIES = 0;
  public static final int MAX_CALORIES = 20_000;
  public static final String CALORIES_RULE =
      "must be between " + MIN_CALORIES + " and " + MAX_CALORIES;

  public static final int MIN_HEART_RATE = 20;
  public static final int MAX_HEART_RATE = 250;
  public static final String HEART_RATE_RULE =
      "must be between " + MIN_HEART_RATE + " and " + MAX_HEART_RATE;
  public static final String HEART_RATES_IN_ORDER = "must not be below avgHeartRate";

  public static final int MAX_NOTES_CODE_POINTS = 1000;
  public static final String NOTES_RULE =
      "must be at most " + MAX_NOTES_CODE_POINTS + " characters";
  public static final String STORABLE_TEXT_RULE =
      "must not contain NUL characters or unpaired surrogates";

  /** How far after the server's clock a session may start (a watch in a time zone ahead). */
  public static final Duration MAX_START_AHEAD = Duration.ofHours(24);

  public static final String TOO_EARLY = "must not be before 1970-01-01T00:00:00Z";
  public static final String TOO_LATE = "must not be more than 24 hours after the server's clock";

  private SessionRules() {}

  public static boolean isBetween(long value, long min, long max) {
    return value >= min && value <= max;
  }

  /** Why a session may not start then, or null when it may. */
  public static String startProblem(Instant startedAt, Instant now) {
    if (startedAt.isBefore(Instant.EPOCH)) {
      return TOO_EARLY;
    }
    return startedAt.isAfter(now.plus(MAX_START_AHEAD)) ? TOO_LATE : null;
  }

  /** Whether PostgreSQL can store the text: no NUL, every surrogate in a pair. */
  public static boolean isStorable(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** Whether free text fits: at most {@code max} Unicode code points (what a person counts). */
  public static boolean fits(String value, int max) {
    return value.length() <= max || value.codePointCount(0, value.length()) <= max;
  }
}
