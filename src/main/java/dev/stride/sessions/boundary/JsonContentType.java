package dev.stride.sessions.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * JSON answers say {@code application/json} (or {@code application/problem+json}) without
 * parameters. JSON is UTF-8 by definition (RFC 8259) and has no charset parameter; JAX-RS would
 * copy the one of the client's {@code Accept} into the answer ({@code charset=bogus}), naming an
 * encoding the bytes are not in. Other types (the CSV export's {@code text/csv; charset=utf-8})
 * keep their parameters.
 */
@Provider
public class JsonContentType implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MediaType type = response.getMediaType();
    if (type != null && !type.getParameters().isEmpty() && isJson(type)) {
      response
          .getHeaders()
          .putSingle(HttpHeaders.CONTENT_TYPE, new MediaType(type.getType(), type.getSubtype()));
    }
  }

  private static boolean isJson(MediaType type) {
    String subtype = type.getSubtype();
    return "application".equalsIgnoreCase(type.getType())
        && ("json".equalsIgnoreCase(subtype) || subtype.toLowerCase(Locale.ROOT).endsWith("+json"));
  }
}
