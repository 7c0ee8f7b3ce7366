package dev.stride.tester.access.entity;

import java.util.List;

/** Who a token acts for, as {@code GET /api/me} answers: its user, its id and its scopes. */
public record Caller(String userId, String tokenId, List<String> scopes) {

  /** The scope that acts for every user and manages every user's tokens. */
  public static final String ADMIN = "admin";

  public boolean admin() {
    return scopes != null && scopes.contains(ADMIN);
  }
}
