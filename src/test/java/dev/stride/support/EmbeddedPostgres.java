package dev.stride.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded PostgreSQL that {@code ./stride test} started, which a test may stop and start again
 * to see how Stride lives through an outage. Absent when the tests run on a server that DB_* names,
 * which they must not stop.
 */
public final class EmbeddedPostgres {
  private final Path home;
  private final Path data;

  private EmbeddedPostgres(Path home, Path data) {
    this.home = home;
    this.data = data;
  }

  public static Optional<EmbeddedPostgres> ofThisTestRun() {
    String home = System.getenv("STRIDE_TEST_POSTGRES_HOME");
    String data = System.getenv("STRIDE_TEST_POSTGRES_DATA");
    if (home == null || home.isBlank() || data == null || !Files.isDirectory(Path.of(data))) {
      return Optional.empty();
    }
    return Optional.of(new EmbeddedPostgres(Path.of(home), Path.of(data)));
  }

  public void stop() {
    pgCtl("-m", "fast", "-w", "stop");
  }

  /**
   * Starts it again with the settings {@code payara/database.sh} keeps in its data folder ({@code
   * stride.conf}): the same port, address and limits as at its first start.
   */
  public void start() {
    pgCtl("-w", "-l", data.resolve("restarted.log").toString(), "start");
  }

  private void pgCtl(String... arguments) {
    List<String> command = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(
          List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
    }
    command.add(home.resolve("bin/pg_ctl").toString());
    command.addAll(List.of("-D", data.toString()));
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (process.waitFor() != 0) {
        throw new IllegalStateException("pg_ctl failed: " + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run pg_ctl", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
