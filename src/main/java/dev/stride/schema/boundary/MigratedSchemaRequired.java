package dev.stride.schema.boundary;

import dev.stride.problems.ProblemException;
import dev.stride.problems.ProblemException.Reason;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * No request reaches the API before the schema is current: until then (a backend that started while
 * its database was away) every request is a 503 problem with Retry-After, as when the database is
 * away later. Readiness is DOWN meanwhile, so a proxy sends nothing here anyway.
 */
@Provider
@PreMatching
public class MigratedSchemaRequired implements ContainerRequestFilter {
  @Inject SchemaMigration schema;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!schema.isCurrent()) {
      throw notYet();
    }
  }

  /** The 503 of a request that came before the schema (the access check answers it too). */
  public static ProblemException notYet() {
    return new ProblemException(Reason.BUSY, "Stride is preparing its database; retry shortly.");
  }
}
