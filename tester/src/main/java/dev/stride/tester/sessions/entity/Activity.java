package dev.stride.tester.sessions.entity;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The activities the service knows, with the name they have on the wire. */
public enum Activity {
  CYCLING,
  HIKING,
  OTHER,
  ROWING,
  RUNNING,
  STRENGTH,
  SWIMMING,
  WALKING,
  YOGA;

  private static final Map<String, Activity> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(Activity::wireName, Function.identity()));

  private final String wireName = name().toLowerCase(java.util.Locale.ROOT);

  public String wireName() {
    return wireName;
  }

  public static Activity ofWireName(String name) {
    var activity = BY_NAME.get(name);
    if (activity == null) {
      throw new IllegalArgumentException("unknown activity " + name);
    }
    return activity;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
