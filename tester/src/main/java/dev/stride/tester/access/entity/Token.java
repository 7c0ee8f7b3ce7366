package dev.stride.tester.access.entity;

import java.util.List;

/** A token as {@code /api/tokens} answers it; {@code secret} only in the answer that created it. */
public record Token(String id, String userId, String name, List<String> scopes, String secret) {

  /** Without the secret, so that a token put into a message does not show it. */
  @Override
  public String toString() {
    return "Token[id=" + id + ", userId=" + userId + ", name=" + name + ", scopes=" + scopes + "]";
  }
}
