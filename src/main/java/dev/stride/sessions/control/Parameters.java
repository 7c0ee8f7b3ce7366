package dev.stride.sessions.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The one way statements over sessions bind their parameters: {@code setObject} (the driver maps
 * String, Integer, UUID, OffsetDateTime to their PostgreSQL types), and arrays as PostgreSQL arrays
 * of their element type, for {@code = ANY (?)}.
 */
public final class Parameters {
  private Parameters() {}

  public static void bind(Connection connection, PreparedStatement statement, List<Object> values)
      throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if (value instanceof String[] texts) {
        statement.setArray(i + 1, connection.createArrayOf("text", texts));
      } else if (value instanceof UUID[] ids) {
        statement.setArray(i + 1, connection.createArrayOf("uuid", ids));
      } else {
        statement.setObject(i + 1, value);
      }
    }
  }
}
