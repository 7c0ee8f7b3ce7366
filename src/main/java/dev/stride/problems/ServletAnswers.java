package dev.stride.problems;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Problems answered outside JAX-RS — by the authentication mechanism, before any resource is
 * matched — written to the servlet response exactly as the exception mappers write them.
 */
public final class ServletAnswers {
  private ServletAnswers() {}

  /** The problem and headers of {@code answer} (a response of this package's mappers). */
  public static void write(Response answer, HttpServletResponse response) throws IOException {
    byte[] body = String.valueOf(answer.getEntity()).getBytes(StandardCharsets.UTF_8);
    response.setStatus(answer.getStatus());
    answer
        .getStringHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> response.addHeader(name, value));
              }
            });
    response.setContentType(Problem.MEDIA_TYPE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The problem of an unexpected failure (503 when the database is away, else 500). */
  public static void writeUnexpected(Throwable failure, HttpServletResponse response)
      throws IOException {
    write(UnexpectedExceptionMapper.answer(failure), response);
  }
}
