import java.net.ConnectException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Gets the database Stride runs on ready for it, from the launcher and the test command, with
 * nothing but a JDK and the PostgreSQL driver (the embedded PostgreSQL has no psql). Run as a
 * single-file program: {@code java -cp postgresql.jar payara/DatabaseSetup.java COMMAND...}.
 *
 * <p>Commands, run in order: {@code wait SECONDS} (until the server answers), {@code create NAME}
 * and {@code drop NAME} (a database, created unless it exists, connected to the maintenance database {@code postgres}).
 * The schema is not made here: the backend migrates it itself at deployment (dev.stride.schema).
 * The server and credentials come from DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD. Every
 * failure is one line on stderr and a non-zero exit code, never a stack trace.
 */
public class DatabaseSetup {
  static final int UNREACHABLE = 3;
  static final int REFUSED = 4;
  static final int FAILED = 5;
  static final int NO_DATABASE = 6;

  public static void main(String[] args) {
    try {
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) throw new Failure(FAILED, "missing argument after " + args[i]);
        String command = args[i], argument = args[i + 1];
        switch (command) {
          case "wait" -> waitForServer(Integer.parseInt(argument));
          case "create" -> create(argument);
          case "drop" -> maintenance("DROP DATABASE IF EXISTS " + quoted(argument) + " WITH (FORCE)");
          default -> throw new Failure(FAILED, "unknown command " + command);
        }
      }
    } catch (Failure failure) {
      System.err.println("stride: " + failure.getMessage());
      System.exit(failure.code);
    }
  }

  static void waitForServer(int seconds) throws Failure {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (true) {
      try (Connection ignored = connect(env("DB_NAME", "stride"))) {
        return;
      } catch (SQLException e) {
        return; // answered, only the close failed
      } catch (Failure failure) {
        if (failure.code == NO_DATABASE) return; // the server answers; "create" comes next
        if (failure.code != UNREACHABLE || System.nanoTime() > deadline) throw failure;
      }
      try {
        Thread.sleep(200); // polling a server that is starting; there is no event to wait on
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Failure(FAILED, "interrupted");
      }
    }
  }

  /**
   * Creates the database unless it exists. A database the user can already open is left alone
   * before anything else, so a user without CREATEDB (or barred from "postgres") can run on it.
   */
  static void create(String name) throws Failure {
    try (Connection ignored = connect(name)) {
      return;
    } catch (SQLException e) {
      return; // opened; only the close failed
    } catch (Failure failure) {
      if (failure.code != NO_DATABASE) throw failure;
    }
    try (Connection connection = connect("postgres");
        var exists = connection.prepareStatement("SELECT FROM pg_database WHERE datname = ?")) {
      exists.setString(1, name);
      if (exists.executeQuery().next()) return;
    } catch (SQLException e) {
      throw new Failure(FAILED, e.getMessage());
    }
    maintenance("CREATE DATABASE " + quoted(name) + " ENCODING 'UTF8' TEMPLATE template0");
  }

  static void maintenance(String sql) throws Failure {
    try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new Failure(FAILED, "PostgreSQL refused \"" + sql + "\": " + e.getMessage());
    }
  }

  static Connection connect(String database) throws Failure {
    String host = env("DB_HOST", "127.0.0.1"), port = env("DB_PORT", "5432");
    String user = env("DB_USER", "stride");
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", env("DB_PASSWORD", ""));
    properties.setProperty("connectTimeout", "5");
    String where = "PostgreSQL at " + host + ":" + port;
    try {
      return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, properties);
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      if (state.startsWith("08") || e.getCause() instanceof ConnectException) {
        throw new Failure(UNREACHABLE, "cannot reach " + where + " (" + e.getMessage() + ")");
      }
      if (state.startsWith("28")) {
        throw new Failure(REFUSED, where + " refused user " + user + ": " + e.getMessage());
      }
      if (state.equals("3D000")) {
        throw new Failure(NO_DATABASE, where + " has no database " + database + " (create it, or check DB_NAME)");
      }
      throw new Failure(FAILED, where + ": " + e.getMessage());
    }
  }

  static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }

  static final class Failure extends Exception {
    final int code;

    Failure(int code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }
}
