package dev.stride.problems;

import dev.stride.operations.boundary.RequestObservation;
import dev.stride.operations.control.RequestIds;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The error page of the web application (WEB-INF/web.xml): what the servlet container answers
 * itself, before or beside JAX-RS — a header it cannot parse ({@code Content-Type:
 * application/json, text/plain}, {@code Accept: ,,,}), a path outside {@code /api} — is a problem
 * like every other error, never Payara's HTML "Error report" with its version.
 */
@WebServlet(urlPatterns = ErrorPage.PATH)
public class ErrorPage extends HttpServlet {
  static final String PATH = "/error-problem";

  private static final Map<Integer, String> DETAILS =
      Map.of(
          400, "The request could not be read: check its headers (Content-Type, Accept) and URL.",
          404, "There is no such resource.",
          405, "This resource does not support that method.");

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Status status = code instanceof Integer number ? Status.fromStatusCode(number) : null;
    if (status == null || status.getFamily() == Status.Family.SUCCESSFUL) {
      status = Status.NOT_FOUND; // the page itself, asked for directly
    } else if (status.getFamily() == Status.Family.SERVER_ERROR) {
      status = Status.INTERNAL_SERVER_ERROR;
    }
    String detail =
        status == Status.INTERNAL_SERVER_ERROR
            ? "The server could not answer this request."
            : DETAILS.getOrDefault(status.getStatusCode(), status.getReasonPhrase());
    String id = RequestObservation.idOf(request, response);
    byte[] body;
    try (RequestIds.Scope scope = RequestIds.enter(id)) {
      body = Problem.of(status, detail).toJson().getBytes(StandardCharsets.UTF_8);
    }
    response.reset(); // also of the request id's header, set again below
    response.setHeader(RequestIds.HEADER, id);
    response.setStatus(status.getStatusCode());
    response.setContentType(Problem.MEDIA_TYPE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
