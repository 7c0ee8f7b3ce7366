package dev.stride.health;

import dev.stride.schema.boundary.SchemaMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means the database has this WAR's schema ({@code dev.stride.schema} migrated it) and
 * answers now: a connection from the pool that passes a round trip. A load balancer stops sending
 * traffic here while it is DOWN, and sends it again once it is back. A backend that started while
 * its database was away stays DOWN until its migration has succeeded.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
  private static final int TIMEOUT_SECONDS = 2;

  @Inject DataSource dataSource;

  @Inject SchemaMigration schema;

  @Override
  public HealthCheckResponse call() {
    if (!schema.isCurrent()) {
      return HealthCheckResponse.named("database")
          .down()
          .withData("reason", "the schema is not migrated yet")
          .build();
    }
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = connection.isValid(TIMEOUT_SECONDS);
      return HealthCheckResponse.named("database").status(valid).build();
    } catch (SQLException | RuntimeException e) {
      return HealthCheckResponse.named("database")
          .down()
          .withData("reason", "cannot get a working connection")
          .build();
    }
  }
}
