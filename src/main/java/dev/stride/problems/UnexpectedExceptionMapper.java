package dev.stride.problems;

import jakarta.resource.ResourceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything nobody planned for. The database being away is 503 (the client may retry); anything
 * else is 500. Either way the client gets the request's id and the log gets the stack trace under
 * that id.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    return answer(exception);
  }

  public static Response answer(Throwable exception) {
    String id = Problem.thisRequest();
    if (isDatabaseUnavailable(exception)) {
      LOG.log(
          Level.WARNING,
          "{0}: database unavailable: {1}",
          new Object[] {id, rootMessage(exception)});
      return Problem.of(Status.SERVICE_UNAVAILABLE, "The database is not reachable; retry shortly.")
          .withInstance(id)
          .toResponseBuilder()
          .header("Retry-After", "5")
          .build();
    }
    LOG.log(Level.SEVERE, id + ": unexpected failure", exception);
    return Problem.of(
            Status.INTERNAL_SERVER_ERROR,
            "An unexpected error occurred; it was logged as " + id + ".")
        .withInstance(id)
        .toResponse();
  }

  /** Connection failures as the pool and the driver report them (SQLSTATE class 08, 57P, 53300). */
  static boolean isDatabaseUnavailable(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof ResourceException || cause instanceof SQLTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        String message = sql.getMessage() == null ? "" : sql.getMessage();
        if (state.startsWith("08")
            || state.startsWith("57P")
            || state.equals("53300")
            || message.contains("allocating a connection")) {
          return true;
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable exception) {
    Throwable root = exception;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.toString();
  }
}
