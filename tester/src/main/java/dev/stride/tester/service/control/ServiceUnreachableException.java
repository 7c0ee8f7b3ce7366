package dev.stride.tester.service.control;

/** The service did not answer at all: connection refused, unknown host, timeout. */
public final class ServiceUnreachableException extends RuntimeException {

  public ServiceUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
