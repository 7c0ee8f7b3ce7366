package dev.stride.openapi;

/**
 * The names of the parameters that {@link SharedComponents} adds to the document, for operations to
 * refer to ({@code @Parameter(ref = SharedParameters.ORDER)}).
 */
public final class SharedParameters {
  /** {@code ?userId=}: only this user's sessions. */
  public static final String USER_FILTER = "userIdFilter";

  /** {@code ?order=}: by startedAt, then id. */
  public static final String ORDER = "order";

  private SharedParameters() {}
}
