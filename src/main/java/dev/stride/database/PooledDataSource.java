package dev.stride.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/**
 * The one way to the database: Payara's pool {@code jdbc/stride}, measured ({@link
 * MeasuredDataSource}). Produced as a plain instance (dependent scope), so that a call reaches the
 * pool without a CDI proxy in between.
 */
@ApplicationScoped
public class PooledDataSource {
  @Resource(lookup = "jdbc/stride")
  DataSource pool;

  @Inject PoolMetrics metrics;

  private DataSource measured;

  @PostConstruct
  void measure() {
    measured = new MeasuredDataSource(pool, metrics);
  }

  @Produces
  DataSource dataSource() {
    return measured;
  }
}
