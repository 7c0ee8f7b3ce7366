package dev.stride.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Another Stride backend, started the way every Stride is started (the built WAR by {@code
 * payara/launch.sh}, with the DB_* settings of this test run), for tests of what several backends
 * must agree on: on the test run's database, or on another database of the same server. Its log is
 * {@code target/second-backend.log}, or {@code target/backend-<database>-<port>.log}.
 */
public final class SecondBackend implements AutoCloseable {
  private static final Duration START_UP = Duration.ofMinutes(3);

  private final Process process;
  private final Api api;
  private final File log;

  private SecondBackend(Process process, int port, File log) {
    this.process = process;
    this.api = new Api(URI.create("http://127.0.0.1:" + port));
    this.log = log;
  }

  /** Starts it on the test run's database and waits until its readiness is UP (at most 3 min). */
  public static SecondBackend start() throws IOException, InterruptedException {
    return launch(null).awaitReady();
  }

  /** Starts it on another database of the test run's server and waits until it is ready. */
  public static SecondBackend startOn(String database) throws IOException, InterruptedException {
    return launch(database).awaitReady();
  }

  /**
   * Starts it without waiting: on {@code database}, or on the test run's database when that is
   * null.
   */
  public static SecondBackend launch(String database) throws IOException {
    return launch(database, java.util.Map.of());
  }

  /** Starts it with further settings (environment variables such as STRIDE_*), without waiting. */
  public static SecondBackend launch(String database, java.util.Map<String, String> settings)
      throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Path root = Files.createTempDirectory("stride-second-backend");
    File log =
        new File(
            database == null
                ? "target/second-backend.log"
                : "target/backend-" + database + "-" + port + ".log");
    ProcessBuilder launch =
        new ProcessBuilder("payara/launch.sh").redirectErrorStream(true).redirectOutput(log);
    launch.environment().put("HTTP_PORT", Integer.toString(port));
    launch.environment().put("PAYARA_ROOT_DIR", root.toString());
    if (database != null) {
      launch.environment().put("DB_NAME", database);
    }
    launch.environment().putAll(settings);
    return new SecondBackend(launch.start(), port, log);
  }

  /** Waits until its readiness is UP (at most 3 minutes). */
  public SecondBackend awaitReady() throws InterruptedException {
    return await(answer -> answer.status() == 200);
  }

  /**
   * Waits until Stride is deployed, ready or not: its readiness check is listed (at most 3
   * minutes).
   */
  public SecondBackend awaitDeployed() throws InterruptedException {
    return await(answer -> answer.body().contains("\"database\""));
  }

  private SecondBackend await(Predicate<Api.Answer> readiness) throws InterruptedException {
    long deadline = System.nanoTime() + START_UP.toNanos();
    while (!readiness.test(readiness())) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        close();
        throw new IllegalStateException("the backend did not start: see " + log);
      }
      Thread.sleep(200); // polling readiness: Payara gives no other signal
    }
    return this;
  }

  /** GET /health/ready; a 599 while nothing listens yet. */
  public Api.Answer readiness() {
    try {
      return api.get("/health/ready");
    } catch (RuntimeException e) {
      return new Api.Answer(599, "", null, ""); // not listening yet
    }
  }

  /** Its API, at its root: paths start with /api. */
  public Api api() {
    return api;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
