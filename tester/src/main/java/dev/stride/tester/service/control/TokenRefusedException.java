package dev.stride.tester.service.control;

/** The service answered 401: the token is missing, malformed, unknown, expired or revoked. */
public final class TokenRefusedException extends RuntimeException {

  public TokenRefusedException(String message) {
    super(message);
  }
}
