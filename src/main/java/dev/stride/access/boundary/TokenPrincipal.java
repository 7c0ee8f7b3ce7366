package dev.stride.access.boundary;

import dev.stride.access.entity.Caller;
import jakarta.security.enterprise.CallerPrincipal;

/** The caller principal of a request authenticated by a token: named after its user. */
final class TokenPrincipal extends CallerPrincipal {
  private final transient Caller caller;

  TokenPrincipal(Caller caller) {
    super(caller.userId());
    this.caller = caller;
  }

  Caller caller() {
    return caller;
  }
}
