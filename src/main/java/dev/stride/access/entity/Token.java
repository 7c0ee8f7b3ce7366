package dev.stride.access.entity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A token as its owner sees it: everything but the secret, which is shown once, at creation. */
public record Token(
    UUID id,
    String userId,
    String name,
    Set<Scope> scopes,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt) {
  /** The longest name. */
  public static final int MAX_NAME_LENGTH = 100;

  public static final String NAME_RULE = "must be 1 to " + MAX_NAME_LENGTH + " characters";

  public Token {
    scopes = Set.copyOf(scopes);
  }
}
