package dev.stride.sessions.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The secret that list cursors are signed with. {@code STRIDE_CURSOR_KEY} when it is set; otherwise
 * the key that the schema's first migration ({@code V1__sessions.sql}) generated in the database,
 * so that every backend on one database accepts the others' cursors, also after a restart and an
 * upgrade. Read once, when first needed (after the schema has been migrated: no request is served
 * before).
 */
@ApplicationScoped
public class CursorKey {
  @Inject
  @ConfigProperty(name = "stride.cursor.key")
  Optional<String> configured;

  @Inject DataSource dataSource;

  private volatile byte[] key;

  byte[] bytes() {
    byte[] known = key;
    if (known == null) {
      known =
          configured
              .filter(k -> !k.isBlank())
              .map(k -> k.getBytes(StandardCharsets.UTF_8))
              .orElseGet(this::fromDatabase);
      key = known;
    }
    return known;
  }

  private byte[] fromDatabase() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery("SELECT value FROM stride_settings WHERE name = 'cursor-key'")) {
      if (!row.next()) {
        throw new IllegalStateException(
            "stride_settings has no cursor-key: the schema is not Stride's (see the migrations)");
      }
      return row.getString(1).getBytes(StandardCharsets.UTF_8);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the cursor key", e);
    }
  }
}
