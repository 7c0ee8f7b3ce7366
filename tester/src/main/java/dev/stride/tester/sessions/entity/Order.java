package dev.stride.tester.sessions.entity;

import java.util.Locale;

/** The order of a list or export: by {@code startedAt}, ties broken by {@code id}. */
public enum Order {
  ASC,
  DESC;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  public String wireName() {
    return wireName;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
