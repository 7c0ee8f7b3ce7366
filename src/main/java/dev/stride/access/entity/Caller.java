package dev.stride.access.entity;

import java.util.Set;
import java.util.UUID;

/**
 * Who is asking: the token a request was authenticated with, its user and its scopes. The one
 * statement of the per-user rule: a caller without {@code admin} acts for its own user only.
 */
public record Caller(UUID tokenId, String userId, Set<Scope> scopes) {
  public Caller {
    scopes = Set.copyOf(scopes);
  }

  public boolean isAdmin() {
    return scopes.contains(Scope.ADMIN);
  }

  /** Whether it may read, store or delete {@code userId}'s sessions and tokens. */
  public boolean mayActFor(String userId) {
    return isAdmin() || this.userId.equals(userId);
  }

  /** Whether it may give a new token these scopes: none that it lacks itself. */
  public boolean mayGrant(Set<Scope> requested) {
    return isAdmin() || scopes.containsAll(requested);
  }
}
