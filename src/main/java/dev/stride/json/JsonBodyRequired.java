package dev.stride.json;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * The body of a {@link JsonBody} method must be sent as JSON: {@code application/json} (with any
 * parameters, such as a charset). No Content-Type, a wildcard one ({@code *}{@code /*}, {@code
 * application/*}), another type or one that does not parse are 415. Runs after the roles are
 * checked ({@link Priorities#AUTHORIZATION}), so a token without the scope gets 403 whatever it
 * sends.
 */
@Provider
@JsonBody
@Priority(Priorities.AUTHORIZATION + 100)
public class JsonBodyRequired implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    if (!isJson(request)) {
      throw new NotSupportedException();
    }
  }

  private static boolean isJson(ContainerRequestContext request) {
    if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
      return false;
    }
    try {
      MediaType type = request.getMediaType();
      return !type.isWildcardType()
          && !type.isWildcardSubtype()
          && type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
    } catch (RuntimeException e) {
      return false; // not a media type at all
    }
  }
}
