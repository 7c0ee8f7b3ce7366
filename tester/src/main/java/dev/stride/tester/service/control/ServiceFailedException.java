package dev.stride.tester.service.control;

/** The service kept answering 5xx, or answered something the tester cannot read. */
public final class ServiceFailedException extends RuntimeException {

  public ServiceFailedException(String message) {
    super(message);
  }

  public ServiceFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
