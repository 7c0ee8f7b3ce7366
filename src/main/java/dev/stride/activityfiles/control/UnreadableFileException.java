package dev.stride.activityfiles.control;

/**
 * A file that cannot be imported: not of its format, corrupt or truncated, without timed samples,
 * with more than one activity, or over a limit. The message says what is wrong in words a user
 * understands (it becomes the 400 problem's detail); it never quotes a parser's internals.
 */
public class UnreadableFileException extends Exception {
  public UnreadableFileException(String message) {
    super(message);
  }

  public UnreadableFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
