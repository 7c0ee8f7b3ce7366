package dev.stride.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database on the PostgreSQL server of this test run (the DB_* settings that {@code ./stride
 * test} exports), read and written over JDBC: the run's own database, or a fresh one that a test
 * creates for itself and that is dropped when it is closed. The user needs CREATEDB for fresh ones
 * (as {@code ./stride test} on a DB_* server needs it anyway).
 */
public final class TestDatabase implements AutoCloseable {
  private final String name;
  private final boolean fresh;

  private TestDatabase(String name, boolean fresh) {
    this.name = name;
    this.fresh = fresh;
  }

  /** The database every backend of this test run uses; never dropped. */
  public static TestDatabase ofThisTestRun() {
    return new TestDatabase(env("DB_NAME", "stride"), false);
  }

  /** A new, empty database named after the run's and {@code purpose}; dropped by {@link #close}. */
  public static TestDatabase fresh(String purpose) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String name = (env("DB_NAME", "stride") + "_" + purpose + "_" + suffix).toLowerCase();
    if (name.length() > 63) {
      name = name.substring(name.length() - 63);
    }
    TestDatabase database = new TestDatabase(name, true);
    database.onServer("CREATE DATABASE \"" + name + "\" ENCODING 'UTF8' TEMPLATE template0");
    return database;
  }

  public String name() {
    return name;
  }

  /** A connection of its own (auto-commit), for the test to close. */
  public Connection connect() throws SQLException {
    return connect(name);
  }

  /** A DataSource that opens plain connections to it, as the pool would. */
  public DataSource dataSource() {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setServerNames(new String[] {env("DB_HOST", "127.0.0.1")});
    source.setPortNumbers(new int[] {Integer.parseInt(env("DB_PORT", "5432"))});
    source.setDatabaseName(name);
    source.setUser(env("DB_USER", "stride"));
    source.setPassword(env("DB_PASSWORD", ""));
    return source;
  }

  /** Runs SQL (one or more statements) in one transaction. */
  public void execute(String sql) {
    try (Connection connection = connect()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL refused: " + e.getMessage(), e);
    }
  }

  /** Runs a file of SQL in one transaction, as {@code ./stride} applied {@code db-init/}. */
  public void executeFile(Path file) {
    try {
      execute(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every row of a query, each as its columns' text joined by " | " (NULL as "null"). */
  public List<String> rows(String query) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      List<String> rows = new ArrayList<>();
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? " | " : "").append(result.getString(i));
        }
        rows.add(row.toString());
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL refused " + query + ": " + e.getMessage(), e);
    }
  }

  /** The one value of a query that answers one row of one column. */
  public String value(String query) {
    List<String> rows = rows(query);
    if (rows.size() != 1) {
      throw new IllegalStateException(query + " answered " + rows.size() + " rows");
    }
    return rows.get(0);
  }

  /** Drops it if this test created it (forcing out what is still connected). */
  @Override
  public void close() {
    if (fresh) {
      onServer("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    }
  }

  private static void onServer(String sql) {
    try (Connection connection = connect("postgres");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL refused " + sql + ": " + e.getMessage(), e);
    }
  }

  private static Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", env("DB_USER", "stride"));
    properties.setProperty("password", env("DB_PASSWORD", ""));
    String url =
        "jdbc:postgresql://" + env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "5432") + "/";
    return DriverManager.getConnection(url + database, properties);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }
}
