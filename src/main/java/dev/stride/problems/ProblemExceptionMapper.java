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
    LOG.log(Level.FINE, "{0}: {1}", new Object[] {exception.status(), exception.getMessage()});
    Problem problem = Problem.of(exception.status(), exception.getMessage());
    if (exception instanceof InvalidInputException invalid) {
      problem = problem.withErrors(invalid.errors());
    }
    if (exception.status() == Status.SERVICE_UNAVAILABLE) {
      // Busy, not broken: a client may retry at once.
      return problem.toResponseBuilder().header("Retry-After", "1").build();
    }
    return problem.toResponse();
  }
}
