package dev.stride.problems;

import jakarta.ws.rs.core.Response.Status;

/**
 * A failure that the client caused or can act on, answered as a problem with its status. Carries no
 * stack trace: it is an answer, not a bug.
 */
public class ProblemException extends RuntimeException {
  private final Status status;

  public ProblemException(Status status, String detail) {
    super(detail, null, false, false);
    this.status = status;
  }

  public Status status() {
    return status;
  }
}
