package dev.stride.sessions.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The version of each user's sessions ({@code user_versions}): raised by one in the same statement
 * as every write of that user's sessions, and never lowered, so equal versions prove equal
 * sessions. Whatever is computed from a user's sessions (statistics, their ETags) can be kept and
 * served again after one indexed read shows the version unchanged; any backend sees a write's new
 * version as soon as the write was answered, so read-your-writes holds across backends.
 */
@ApplicationScoped
public class UserVersions {
  /** The version of a user who has none yet. */
  public static final long NONE = 0;

  private static final String READ = "SELECT version FROM user_versions WHERE user_id = ?";

  @Inject DataSource dataSource;

  /**
   * A CTE named {@code bumped} that raises the version of every user in {@code relation} (a CTE or
   * table with a {@code user_id} column) by one. Users are locked in their order, so that writers
   * that share users wait for each other instead of deadlocking.
   */
  static String bump(String relation) {
    return "bumped AS (INSERT INTO user_versions (user_id, version)"
        + " SELECT user_id, 1 FROM "
        + relation
        + " GROUP BY user_id ORDER BY user_id"
        + " ON CONFLICT (user_id) DO UPDATE SET version = user_versions.version + 1)";
  }

  /**
   * A scalar subquery: the version of the user bound to its one parameter, {@link #NONE} without a
   * row. Read in the same statement as the sessions it versions, it is the version of exactly what
   * that statement saw.
   */
  public static final String OF_PARAMETER =
      "coalesce((SELECT version FROM user_versions WHERE user_id = ?), " + NONE + ")";

  /** The current version of the user's sessions. */
  public long of(String userId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement read = connection.prepareStatement(READ)) {
      read.setString(1, userId);
      try (ResultSet row = read.executeQuery()) {
        return row.next() ? row.getLong(1) : NONE;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the version of a user's sessions failed", e);
    }
  }
}
