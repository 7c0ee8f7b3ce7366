package dev.stride.tester.access.entity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The secret of a Stride token: {@code stride_} and 43 or more URL-safe base64 characters. It is
 * only ever written into an {@code Authorization} header; {@link #toString()} hides it, so that a
 * secret put into a message by mistake does not show.
 */
public final class Secret {

  /** What the contract says a secret looks like, for the one-line error of a wrong one. */
  public static final String SHAPE_RULE =
      "stride_ followed by 43 or more URL-safe base64 characters";

  private static final Pattern SHAPE = Pattern.compile("stride_[A-Za-z0-9_-]{43,200}");

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * The secret in {@code text}, without the whitespace around it (as the service takes it). Checked
   * here because a value with a line break would fail inside the HTTP client, in an exception whose
   * message holds the header, and so the secret.
   *
   * @throws IllegalArgumentException without the text in its message
   */
  public static Secret of(String text) {
    Objects.requireNonNull(text, "text");
    String stripped = text.strip();
    if (!SHAPE.matcher(stripped).matches()) {
      throw new IllegalArgumentException("is not a Stride token (" + SHAPE_RULE + ")");
    }
    return new Secret(stripped);
  }

  /** The value of the {@code Authorization} header. */
  public String authorization() {
    return "Bearer " + value;
  }

  @Override
  public String toString() {
    return "stride_(hidden)";
  }
}
