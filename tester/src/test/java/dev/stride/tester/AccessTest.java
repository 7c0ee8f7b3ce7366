package dev.stride.tester;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.tester.FakeStride.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The token of the command line: where it comes from, and what a refused one does. */
class AccessTest {

  static final String GIVEN = "stride_" + "g".repeat(43);
  static final String IN_VARIABLE = "stride_" + "v".repeat(43);

  @TempDir Path out;

  @RegisterExtension final FakeStride stride = new FakeStride();
  final Console console = new Console();

  /** Runs a command against the fake with the options every command takes, then {@code more}. */
  int command(Map<String, String> environment, String command, String... more) {
    var args = new ArrayList<>(List.of(command, "--base-url", stride.baseUrl()));
    args.addAll(List.of("--out", out.toString(), "--retries", "3", "--backoff-millis", "1"));
    args.addAll(List.of(more));
    return console.run(environment, args.toArray(String[]::new));
  }

  static Map<String, String> variable(String value) {
    var environment = new HashMap<String, String>();
    if (value != null) {
      environment.put(CommonOptions.TOKEN_VARIABLE, value);
    }
    return environment;
  }

  @ParameterizedTest(name = "--token {0}, STRIDE_TOKEN {1}: {2}")
  @CsvSource(
      nullValues = "none",
      value = {"given, in variable, given", "given, none, given", "none, in variable, in variable"})
  void theOptionWinsOverTheVariable(String option, String variable, String sent) {
    Map<String, String> tokens = Map.of("given", GIVEN, "in variable", IN_VARIABLE);
    var more = option == null ? new String[0] : new String[] {"--token", tokens.get(option)};

    var environment = variable(variable == null ? null : tokens.get(variable));

    assertThat(command(environment, "export", more)).isZero();

    assertThat(stride.received)
        .isNotEmpty()
        .extracting(Request::authorization)
        .containsOnly("Bearer " + tokens.get(sent));
  }

  @ParameterizedTest
  @ValueSource(strings = {"simulate", "stats", "export"})
  void aMissingTokenIsAUsageError(String command) {
    assertThat(command(variable(null), command)).isEqualTo(ExitCode.USAGE.code());
    assertThat(command(variable(" "), command)).isEqualTo(ExitCode.USAGE.code());

    assertThat(console.errors())
        .startsWith("missing token: give --token SECRET or set STRIDE_TOKEN")
        .contains("Usage:");
    assertThat(stride.received).isEmpty();
  }

  @Test
  void aTokenOfAnotherShapeIsAUsageErrorThatDoesNotRepeatIt() {
    String wrong = "stride_" + "w".repeat(20);
    String header = "Bearer " + IN_VARIABLE;

    assertThat(command(variable(null), "export", "--token", wrong))
        .isEqualTo(ExitCode.USAGE.code());
    assertThat(command(variable(header), "export")).isEqualTo(ExitCode.USAGE.code());

    assertThat(console.errors())
        .contains("--token is not a Stride token (stride_ followed by 43 or more")
        .contains("STRIDE_TOKEN is not a Stride token")
        .doesNotContain(wrong.substring(7), IN_VARIABLE.substring(7));
    assertThat(stride.received).isEmpty();
  }

  @Test
  void aRefusedTokenIsOneLineAndItsOwnExitCodeWithoutRetries() {
    stride.refused = authorization -> true;

    assertThat(command(variable(GIVEN), "export")).isEqualTo(ExitCode.TOKEN_REFUSED.code());

    assertThat(console.errors().strip())
        .isEqualTo("error: the token was refused (401): check --token / STRIDE_TOKEN");
    assertThat(stride.requests).hasValue(1);
  }

  @Test
  void theSecretAppearsInNoOutputAndNoFile() throws IOException {
    stride.refused = authorization -> stride.received.size() > 2;

    int exitCode =
        command(variable(null), "simulate", "--token", GIVEN, "--users", "2", "--batch-size", "5");

    assertThat(exitCode).isEqualTo(ExitCode.TOKEN_REFUSED.code());
    assertThat(console.output() + console.errors()).doesNotContain(GIVEN.substring(7));
    try (Stream<Path> files = Files.walk(out)) {
      for (var file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
            .as(file.toString())
            .doesNotContain(GIVEN.substring(7));
      }
    }
    assertThat(out.resolve("sessions.csv")).exists();
  }

  @ParameterizedTest
  @ValueSource(strings = {"simulate", "stats", "export"})
  void theHelpNamesTheOptionTheVariableAndTheExitCodeButNotTheSecret(String command) {
    assertThat(console.run(variable(IN_VARIABLE), command, "--help")).isZero();

    assertThat(console.output())
        .contains("--token=SECRET", "STRIDE_TOKEN", "7   the service refused the token (401)")
        .doesNotContain(IN_VARIABLE.substring(7));
  }
}
