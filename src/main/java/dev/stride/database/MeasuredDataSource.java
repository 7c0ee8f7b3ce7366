package dev.stride.database;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool, with every checkout measured: how long it waited, whether it failed, and how many
 * connections are out. A connection is handed out behind a proxy that notes its {@code close()} —
 * the one moment the pool gets it back — and passes every other call to Payara's connection as it
 * is (so {@code unwrap(PGConnection.class)} still reaches the driver).
 *
 * <p>Why measure here and not read Payara's pool statistics: those need the pool's monitoring
 * switched on, which puts every checkout through Payara's probe framework, and they reached
 * MicroProfile Metrics only through the connection-pool health check, which samples them on a timer
 * (the zeros the issue saw). Counting here costs two atomic additions per checkout.
 */
final class MeasuredDataSource implements DataSource {
  private final DataSource pool;
  private final PoolMetrics metrics;

  MeasuredDataSource(DataSource pool, PoolMetrics metrics) {
    this.pool = pool;
    this.metrics = metrics;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return lease(true, null, null);
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return lease(false, user, password);
  }

  private Connection lease(boolean pooled, String user, String password) throws SQLException {
    long started = metrics.waitStarted();
    Connection connection;
    try {
      connection = pooled ? pool.getConnection() : pool.getConnection(user, password);
    } catch (SQLException | RuntimeException e) {
      metrics.waitFailed(started);
      throw e;
    }
    metrics.leased(started);
    return (Connection)
        Proxy.newProxyInstance(
            MeasuredDataSource.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new Lease(connection, metrics));
  }

  /** The calls to one leased connection; the first {@code close()} gives it back. */
  private static final class Lease implements InvocationHandler {
    private final Connection connection;
    private final PoolMetrics metrics;
    private boolean returned;

    Lease(Connection connection, PoolMetrics metrics) {
      this.connection = connection;
      this.metrics = metrics;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (!returned && args == null && method.getName().equals("close")) {
        returned = true;
        metrics.returned();
      }
      try {
        return method.invoke(connection, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pool.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pool.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pool.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pool.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return pool.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return pool.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return pool.isWrapperFor(type);
  }
}
