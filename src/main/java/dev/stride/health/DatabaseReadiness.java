package dev.stride.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means the database answers now: a connection from the pool that passes a round trip. A load
 * balancer stops sending traffic here while it is DOWN, and sends it again once it is back.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
  private static final int TIMEOUT_SECONDS = 2;

  @Resource(lookup = "jdbc/stride")
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
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
