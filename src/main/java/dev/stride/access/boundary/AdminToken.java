package dev.stride.access.boundary;

import dev.stride.access.control.TokenStore;
import dev.stride.access.entity.Secret;
import dev.stride.schema.boundary.SchemaMigrated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The installation's first admin token, which an operator gets without the API: its secret comes
 * from STRIDE_ADMIN_TOKEN (./stride run makes one and keeps it in a file only its owner reads; a
 * container takes it from .env). Stored as the one bootstrap token when the schema is in place; a
 * changed secret replaces the previous one, which stops working at once (rotation).
 */
@ApplicationScoped
public class AdminToken {
  private static final Logger LOG = Logger.getLogger(AdminToken.class.getName());

  @Inject
  @ConfigProperty(name = "stride.admin.token")
  Optional<String> secret;

  @Inject TokenStore tokens;

  void atMigration(@Observes SchemaMigrated migrated) {
    if (secret.isEmpty() || secret.get().isBlank()) {
      LOG.info("access: no STRIDE_ADMIN_TOKEN, no bootstrap admin token (the tokens stored stay)");
      return;
    }
    if (!Secret.hasShape(secret.get().strip())) {
      LOG.severe(
          "access: STRIDE_ADMIN_TOKEN is not a token (stride_ and 43 or more URL-safe base64"
              + " characters); it was not stored");
      return;
    }
    try {
      tokens.bootstrap(secret.get().strip());
      LOG.info("access: the admin token of STRIDE_ADMIN_TOKEN is in place");
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "access: the admin token of STRIDE_ADMIN_TOKEN was not stored", e);
    }
  }
}
