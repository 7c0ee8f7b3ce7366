package dev.stride.sessions.control;

import dev.stride.problems.ProblemException;

/**
 * A feed position from before the oldest kept deletion: a deletion after it may have been removed,
 * so following the feed from there could leave a deleted session in the client's copy.
 */
public class PositionGoneException extends ProblemException {
  public PositionGoneException() {
    super(
        Reason.GONE,
        "this position is older than the oldest kept deletion: list every session again, with a"
            + " new position taken before the list");
  }
}
