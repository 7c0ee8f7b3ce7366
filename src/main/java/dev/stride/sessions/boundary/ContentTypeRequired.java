package dev.stride.sessions.boundary;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * A body without a Content-Type, or with a wildcard one ({@code *}{@code /*}, {@code
 * application/*}), is 415, as the contract says: JAX-RS would otherwise take it for any type the
 * method consumes.
 */
@Provider
public class ContentTypeRequired implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    String method = request.getMethod();
    boolean carriesBody =
        HttpMethod.POST.equals(method)
            || HttpMethod.PUT.equals(method)
            || HttpMethod.PATCH.equals(method);
    if (carriesBody && !isConcrete(request)) {
      throw new NotSupportedException();
    }
  }

  private static boolean isConcrete(ContainerRequestContext request) {
    if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
      return false;
    }
    try {
      MediaType type = request.getMediaType();
      return !type.isWildcardType() && !type.isWildcardSubtype();
    } catch (RuntimeException e) {
      return false; // not a media type at all
    }
  }
}
