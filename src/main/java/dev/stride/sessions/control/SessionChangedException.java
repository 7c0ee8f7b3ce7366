package dev.stride.sessions.control;

import dev.stride.problems.ProblemException;

/** If-Match named another version of the session than the stored one: nothing was changed. */
public class SessionChangedException extends ProblemException {
  public SessionChangedException() {
    super(
        Reason.PRECONDITION_FAILED,
        "the session was changed since the version named by If-Match: read it again, then retry");
  }
}
