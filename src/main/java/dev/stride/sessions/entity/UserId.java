package dev.stride.sessions.entity;

import java.util.Optional;

/**
 * Whose sessions: a user's id as the contract defines it, 1 to 64 characters from {@code A-Z a-z
 * 0-9 . _ -}, the first a letter or digit. A session names its user with one, and so do the list's
 * {@code userId} parameter and the statistics' path; they all take the rule from here.
 */
public record UserId(String value) {
  public static final int MAX_LENGTH = 64;

  /** The rule as a regular expression, for the OpenAPI document; {@link #isValid} needs none. */
  public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

  public static final String RULE =
      "must be 1 to 64 characters from A-Z a-z 0-9 . _ -, the first a letter or digit";

  public UserId {
    if (!isValid(value)) {
      throw new IllegalArgumentException("a user id " + RULE);
    }
  }

  /** The user id the text is, or empty when it breaks the rule (or is null). */
  public static Optional<UserId> parse(String text) {
    return isValid(text) ? Optional.of(new UserId(text)) : Optional.empty();
  }

  /** Whether the text is a user id: {@link #PATTERN}, checked without a regex engine. */
  public static boolean isValid(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean alphanumeric = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
      if (!alphanumeric && (i == 0 || c != '.' && c != '_' && c != '-')) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return value;
  }
}
