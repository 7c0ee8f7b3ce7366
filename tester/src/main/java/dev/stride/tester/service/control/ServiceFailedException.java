package dev.stride.tester.service.control;

/** The service kept answering 5xx, or answered something the tester cannot read. */
public final class ServiceFailedException extends RuntimeException {

  private final int status;

  public ServiceFailedException(String message) {
    this(message, 0);
  }

  public ServiceFailedException(String message, int status) {
    super(message);
    this.status = status;
  }

  public ServiceFailedException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
  }

  /** The 5xx answered last, or 0 when the answer could not be read. */
  public int status() {
    return status;
  }
}
