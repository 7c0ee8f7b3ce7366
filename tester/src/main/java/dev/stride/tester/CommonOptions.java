package dev.stride.tester;

import dev.stride.tester.service.control.ServiceClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options shared by every command: where the service is, how hard to use it, where to write. */
public final class CommonOptions {

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      defaultValue = "http://localhost:8080/api",
      description = "API root of the Stride service (default: ${DEFAULT-VALUE}).")
  URI baseUrl;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "4",
      description = "Concurrent requests (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "500",
      description =
          "simulate: sessions per request, 1 = POST /sessions one by one, more = POST"
              + " /sessions/batch (1..1000); export: page size (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "42",
      description =
          "Seed of the simulated users and sessions; the same seed sends the same sessions with"
              + " the same ids again (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "stride-out",
      description = "Folder for the CSV files (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "Connect and read timeout of one request in seconds (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(
      names = "--retries",
      paramLabel = "N",
      defaultValue = "4",
      description =
          "Retries of a request after a network error or a 5xx answer, with exponential backoff;"
              + " a 4xx answer is never retried (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(names = "--backoff-millis", defaultValue = "100", hidden = true)
  long backoffMillis;

  public URI baseUrl() {
    return baseUrl;
  }

  public int concurrency() {
    return concurrency;
  }

  public int batchSize() {
    return batchSize;
  }

  public long seed() {
    return seed;
  }

  public Path out() {
    return out;
  }

  public ServiceClient connect() {
    return new ServiceClient(
        baseUrl, Duration.ofSeconds(timeoutSeconds), retries, Duration.ofMillis(backoffMillis));
  }

  /** Checks the values that picocli cannot check by type. */
  public void validate(picocli.CommandLine commandLine) {
    require(commandLine, concurrency >= 1 && concurrency <= 512, "--concurrency must be 1..512");
    require(commandLine, batchSize >= 1 && batchSize <= 1000, "--batch-size must be 1..1000");
    require(commandLine, timeoutSeconds >= 1, "--timeout must be at least 1 second");
    require(commandLine, retries >= 0 && retries <= 20, "--retries must be 0..20");
    require(
        commandLine,
        baseUrl.getScheme() != null && baseUrl.getScheme().startsWith("http"),
        "--base-url must be an http(s) URL");
  }

  private static void require(picocli.CommandLine commandLine, boolean valid, String message) {
    if (!valid) {
      throw new picocli.CommandLine.ParameterException(commandLine, message);
    }
  }
}
