package dev.stride.tester.access.entity;

import java.util.Objects;

/**
 * A token the tester sends as {@code Authorization: Bearer}, and the line to show when the service
 * refuses it (401): the user's own token points at {@code --token}, a token the tester minted names
 * its user.
 */
public record Bearer(Secret secret, String refusal) {

  public Bearer {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(refusal, "refusal");
  }
}
