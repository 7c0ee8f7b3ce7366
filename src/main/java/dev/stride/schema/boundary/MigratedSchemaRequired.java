package dev.stride.schema.boundary;

import dev.stride.problems.ProblemException;
import dev.stride.problems.ProblemException.Reason;

/**
 * No request reaches the API before the schema is current: until then (a backend that started while
 * its database was away) every request is a 503 problem with Retry-After, as when the database is
 * away later. Readiness is DOWN meanwhile, so a proxy sends nothing here anyway. The access check
 * ({@code dev.stride.access.boundary.BearerAuthentication}) asks {@link SchemaMigration#isCurrent}
 * first, as every API request passes it before JAX-RS sees it.
 */
public final class MigratedSchemaRequired {
  private MigratedSchemaRequired() {}

  /** The 503 of a request that came before the schema. */
  public static ProblemException notYet() {
    return new ProblemException(Reason.BUSY, "Stride is preparing its database; retry shortly.");
  }
}
