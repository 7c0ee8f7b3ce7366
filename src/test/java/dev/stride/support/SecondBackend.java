package dev.stride.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Another Stride backend on the same database, started the way every Stride is started (the built
 * WAR by {@code payara/launch.sh}, with the DB_* settings of this test run), for tests of what
 * several backends behind one proxy must agree on. Its log is {@code target/second-backend.log}.
 */
public final class SecondBackend implements AutoCloseable {
  private final Process process;
  private final Api api;

  private SecondBackend(Process process, int port) {
    this.process = process;
    this.api = new Api(URI.create("http://127.0.0.1:" + port));
  }

  /** Starts it and waits until its readiness is UP (at most 3 minutes). */
  public static SecondBackend start() throws IOException, InterruptedException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Path root = Files.createTempDirectory("stride-second-backend");
    ProcessBuilder launch =
        new ProcessBuilder("payara/launch.sh")
            .redirectErrorStream(true)
            .redirectOutput(new File("target/second-backend.log"));
    launch.environment().put("HTTP_PORT", Integer.toString(port));
    launch.environment().put("PAYARA_ROOT_DIR", root.toString());
    SecondBackend backend = new SecondBackend(launch.start(), port);
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (!backend.isReady()) {
      if (!backend.process.isAlive() || System.nanoTime() > deadline) {
        backend.close();
        throw new IllegalStateException(
            "the second backend did not start: see target/second-backend.log");
      }
      Thread.sleep(200); // polling readiness: Payara gives no other signal
    }
    return backend;
  }

  private boolean isReady() {
    try {
      return api.get("/health/ready").status() == 200;
    } catch (RuntimeException e) {
      return false; // not listening yet
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
