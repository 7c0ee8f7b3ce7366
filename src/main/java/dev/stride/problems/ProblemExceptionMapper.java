package dev.stride.problems;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The answers of the API's own rules: 400 with every invalid field, 404, 409, 413... */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
  private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class.getName());

  @Override
  public Response toResponse(ProblemException exception) {
    Status status = statusOf(exception.reason());
    LOG.log(Level.FINE, "{0}: {1}", new Object[] {status, exception.getMessage()});
    Problem problem = Problem.of(status, exception.getMessage());
    if (exception instanceof InvalidInputException invalid) {
      problem = problem.withErrors(invalid.errors());
    }
    if (status == Status.SERVICE_UNAVAILABLE) {
      // Busy, not broken: a client may retry at once.
      return problem.toResponseBuilder().header("Retry-After", "1").build();
    }
    return problem.toResponse();
  }

  /** The one place where a reason for refusing becomes an HTTP status. */
  static Status statusOf(ProblemException.Reason reason) {
    return switch (reason) {
      case INVALID -> Status.BAD_REQUEST;
      case FORBIDDEN -> Status.FORBIDDEN;
      case NOT_FOUND -> Status.NOT_FOUND;
      case CONFLICT -> Status.CONFLICT;
      case PRECONDITION_FAILED -> Status.PRECONDITION_FAILED;
      case GONE -> Status.GONE;
      case TOO_LARGE -> Status.REQUEST_ENTITY_TOO_LARGE;
      case BUSY -> Status.SERVICE_UNAVAILABLE;
    };
  }
}
