package dev.stride.tester.service.control;

import dev.stride.tester.service.entity.Problem;

/** The service answered a request with a 4xx problem. */
public final class RequestRejectedException extends RuntimeException {

  private final int status;

  public RequestRejectedException(String request, int status, Problem problem) {
    this(request + " answered " + status + " " + problem.summary(), status);
  }

  public RequestRejectedException(String message, int status) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
