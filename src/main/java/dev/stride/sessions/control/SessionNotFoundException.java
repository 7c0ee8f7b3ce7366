package dev.stride.sessions.control;

import dev.stride.problems.ProblemException;
import dev.stride.problems.ProblemException.Reason;

/** No session under the id asked for (also when the id is not a UUID at all): 404. */
public class SessionNotFoundException extends ProblemException {
  public SessionNotFoundException(String id) {
    super(Reason.NOT_FOUND, "there is no session with id " + printable(id));
  }

  private static String printable(String id) {
    return id.length() <= 64 && id.chars().allMatch(c -> c > 0x20 && c < 0x7f)
        ? id
        : "(not a UUID)";
  }
}
