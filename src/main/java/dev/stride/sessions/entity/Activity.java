package dev.stride.sessions.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of exercise a session can be; written in lower case on the wire and in the table. */
public enum Activity {
  RUNNING,
  CYCLING,
  SWIMMING,
  WALKING,
  HIKING,
  ROWING,
  STRENGTH,
  YOGA,
  OTHER;

  /** "running, cycling, ..." for error messages. */
  public static final String NAMES =
      Arrays.stream(values()).map(Activity::wireName).collect(Collectors.joining(", "));

  private final String wireName = name().toLowerCase(Locale.ROOT);

  public String wireName() {
    return wireName;
  }

  public static Optional<Activity> fromWireName(String name) {
    for (Activity activity : values()) {
      if (activity.wireName.equals(name)) {
        return Optional.of(activity);
      }
    }
    return Optional.empty();
  }
}
