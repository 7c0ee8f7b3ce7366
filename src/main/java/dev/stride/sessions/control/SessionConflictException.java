package dev.stride.sessions.control;

import dev.stride.problems.ProblemException;
import dev.stride.problems.ProblemException.Reason;
import java.util.UUID;

/** A session sent under an id that is stored with other content: 409, nothing changes. */
public class SessionConflictException extends ProblemException {
  public SessionConflictException(UUID id) {
    super(
        Reason.CONFLICT,
        "a different session is already stored under id "
            + id
            + "; send it again unchanged, or with a new id");
  }
}
