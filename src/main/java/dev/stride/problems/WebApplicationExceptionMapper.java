package dev.stride.problems;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * What the JAX-RS runtime itself refuses — an unknown path (404), a method the resource does not
 * have (405), a body that is not JSON (415) — as a problem, keeping headers such as {@code Allow}.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  private static final Map<Integer, String> DETAILS =
      Map.of(
          403, "This token's scopes do not allow this request.",
          404, "There is no such resource.",
          405, "This resource does not support that method.",
          406, "This resource answers application/json only.",
          415, "The body must be JSON: send it with Content-Type: application/json.");

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    int code = original.getStatus();
    Status status = Status.fromStatusCode(code);
    if (status == null || code < 400) {
      status = code < 400 ? Status.BAD_REQUEST : Status.INTERNAL_SERVER_ERROR;
    }
    if (status.getFamily() == Status.Family.SERVER_ERROR) {
      return UnexpectedExceptionMapper.answer(exception);
    }
    Response.ResponseBuilder answer =
        Problem.of(status, DETAILS.getOrDefault(status.getStatusCode(), status.getReasonPhrase()))
            .toResponseBuilder();
    String allow = original.getHeaderString(HttpHeaders.ALLOW);
    if (allow != null) {
      answer.header(HttpHeaders.ALLOW, allow);
    }
    return answer.build();
  }
}
