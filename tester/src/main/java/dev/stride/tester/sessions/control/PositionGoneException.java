package dev.stride.tester.sessions.control;

/**
 * The changes feed no longer goes back to a position (410): the deletions since then are no longer
 * kept, so a copy has to list everything again.
 */
public final class PositionGoneException extends RuntimeException {

  public PositionGoneException(String problem) {
    super("the position is older than the changes Stride keeps (410 " + problem + ")");
  }
}
