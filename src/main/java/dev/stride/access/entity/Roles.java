package dev.stride.access.entity;

/**
 * The roles of Jakarta Security that a token's scopes give, as constants for {@code @RolesAllowed}.
 * {@link #TOKEN} is every valid token's: what {@code /api/me} and one's own tokens need.
 */
public final class Roles {
  public static final String READ = "read";
  public static final String WRITE = "write";
  public static final String ADMIN = "admin";
  public static final String TOKEN = "token";

  private Roles() {}
}
