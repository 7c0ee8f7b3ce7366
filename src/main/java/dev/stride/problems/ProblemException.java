package dev.stride.problems;

/**
 * A request that Stride refuses for a reason the client caused or can act on. It says why in the
 * terms of the domain ({@link Reason}); {@link ProblemExceptionMapper} alone turns the reason into
 * an HTTP status, so control classes never speak HTTP. Carries no stack trace: it is an answer, not
 * a bug.
 */
public class ProblemException extends RuntimeException {
  /** Why a request is refused. */
  public enum Reason {
    /** The request breaks a rule of the contract; nothing changed. */
    INVALID,
    /** The caller may not do this: a scope it lacks, or another user's path or item. */
    FORBIDDEN,
    /** What the request names does not exist (or is another user's, which it may not know). */
    NOT_FOUND,
    /** What the request would store contradicts what is stored. */
    CONFLICT,
    /** A condition of the request (If-Match) does not hold; nothing changed. */
    PRECONDITION_FAILED,
    /** What the request names was kept for a time, and that time is over. */
    GONE,
    /** The request is larger than Stride accepts. */
    TOO_LARGE,
    /** Stride is busy; nothing changed and the same request may succeed shortly. */
    BUSY
  }

  private final Reason reason;

  public ProblemException(Reason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
