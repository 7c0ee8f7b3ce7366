package dev.stride.tester;

import dev.stride.tester.access.entity.Bearer;
import dev.stride.tester.access.entity.Secret;
import dev.stride.tester.service.control.ServiceClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * Options shared by every command that talks to Stride: where the service is, the token, how hard
 * to use it, where to write.
 */
public final class CommonOptions {

  /** The environment variable that holds the token when {@code --token} is not given. */
  public static final String TOKEN_VARIABLE = "STRIDE_TOKEN";

  private static final String TOKEN_OPTION = "--token";

  /** The one line of a 401 to the user's own token. */
  static final String TOKEN_REFUSED =
      "the token was refused (401): check " + TOKEN_OPTION + " / " + TOKEN_VARIABLE;

  // no ${DEFAULT-VALUE} here: the help would show the secret of STRIDE_TOKEN
  @Option(
      names = TOKEN_OPTION,
      paramLabel = "SECRET",
      description =
          "Bearer token of the requests (default: the environment variable "
              + TOKEN_VARIABLE
              + "; the option wins). Prefer the variable: other users of the machine can see a"
              + " command line.")
  String token;

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
              + " /sessions/batch (1..1000); export --check: sessions a page; sync: changes a page"
              + " (default: ${DEFAULT-VALUE}).")
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

  private Secret secret;

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

  /** A client that sends with the token; call {@link #validate} first. */
  public ServiceClient connect() {
    return new ServiceClient(
        baseUrl,
        new Bearer(secret, TOKEN_REFUSED),
        Duration.ofSeconds(timeoutSeconds),
        retries,
        Duration.ofMillis(backoffMillis));
  }

  /**
   * Takes the token from {@value #TOKEN_VARIABLE} when {@code --token} is not given; a variable
   * that is set but blank counts as not set.
   */
  static IDefaultValueProvider defaultsFrom(Map<String, String> environment) {
    return argument -> {
      boolean token =
          argument instanceof OptionSpec option && option.longestName().equals(TOKEN_OPTION);
      String value = token ? environment.get(TOKEN_VARIABLE) : null;
      return value == null || value.isBlank() ? null : value;
    };
  }

  /** Checks the values that picocli cannot check by type, and reads the token. */
  public void validate(picocli.CommandLine commandLine) {
    secret = secret(commandLine);
    require(commandLine, concurrency >= 1 && concurrency <= 512, "--concurrency must be 1..512");
    require(commandLine, batchSize >= 1 && batchSize <= 1000, "--batch-size must be 1..1000");
    require(commandLine, timeoutSeconds >= 1, "--timeout must be at least 1 second");
    require(commandLine, retries >= 0 && retries <= 20, "--retries must be 0..20");
    require(
        commandLine,
        baseUrl.getScheme() != null && baseUrl.getScheme().startsWith("http"),
        "--base-url must be an http(s) URL");
  }

  private Secret secret(picocli.CommandLine commandLine) {
    boolean given = commandLine.getParseResult().hasMatchedOption(TOKEN_OPTION);
    require(
        commandLine,
        given || token != null,
        "missing token: give " + TOKEN_OPTION + " SECRET or set " + TOKEN_VARIABLE);
    try {
      return Secret.of(token);
    } catch (IllegalArgumentException e) {
      // the message never holds the value: it is a secret even when it is a wrong one
      throw new picocli.CommandLine.ParameterException(
          commandLine, (given ? TOKEN_OPTION : TOKEN_VARIABLE) + " " + e.getMessage());
    }
  }

  private static void require(picocli.CommandLine commandLine, boolean valid, String message) {
    if (!valid) {
      throw new picocli.CommandLine.ParameterException(commandLine, message);
    }
  }
}
