package dev.stride.sessions.control;

import dev.stride.problems.ProblemException;
import dev.stride.problems.ProblemException.Reason;

/** More batches wait to be written than can be within 30 s: nothing was stored, retry shortly. */
public class TooManyBatchesException extends ProblemException {
  public TooManyBatchesException() {
    super(
        Reason.BUSY,
        "too many batches are being written at once; nothing was stored, retry shortly");
  }
}
