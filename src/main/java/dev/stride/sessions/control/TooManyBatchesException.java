package dev.stride.sessions.control;

import dev.stride.problems.ProblemException;
import jakarta.ws.rs.core.Response.Status;

/** More batches wait to be written than can be within 30 s: nothing was stored, retry shortly. */
public class TooManyBatchesException extends ProblemException {
  public TooManyBatchesException() {
    super(
        Status.SERVICE_UNAVAILABLE,
        "too many batches are being written at once; nothing was stored, retry shortly");
  }
}
