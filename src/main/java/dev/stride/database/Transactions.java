package dev.stride.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Work done on one pooled connection in one transaction: committed when it returns, rolled back
 * when it throws, the connection handed back to the pool in auto-commit either way.
 */
public final class Transactions {
  private Transactions() {}

  /** What runs inside the transaction. */
  public interface Work<T> {
    T in(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} in a transaction.
   *
   * @param what what the work does, for the message of a failure ("changing a session")
   */
  public static <T> T inTransaction(DataSource dataSource, String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.in(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(what + " failed", e);
    }
  }
}
