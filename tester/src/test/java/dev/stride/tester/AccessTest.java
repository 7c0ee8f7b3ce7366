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

/**
 * The token of the command line: where it comes from, what a refused one does, and whom simulate
 * sends as with an admin token and with another one.
 */
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
    assertThat(stride.received).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"simulate", "stats", "export"})
  void theHelpNamesTheOptionTheVariableAndTheExitCodeButNotTheSecret(String command) {
    assertThat(console.run(variable(IN_VARIABLE), command, "--help")).isZero();

    assertThat(console.output())
        .contains("--token=SECRET", "STRIDE_TOKEN", "7   the service refused the token (401)")
        .doesNotContain(IN_VARIABLE.substring(7));
  }

  /** Simulates TesterTest's plan with the token {@code GIVEN}, then {@code more}. */
  int simulate(String... more) {
    var args = TesterTest.simulation(stride, out);
    args.addAll(List.of("--token", GIVEN));
    args.addAll(List.of(more));
    return console.run(variable(null), args.toArray(String[]::new));
  }

  Map<String, String> summary() throws IOException {
    return SimulateIT.summary(out);
  }

  static String bearer(String secret) {
    return "Bearer " + secret;
  }

  /** The user a request is for: the one its body names, else the one of its path. */
  static String userOf(Request request) {
    var inBody = FakeStride.userIdsIn(request.body());
    assertThat(inBody).as(request.path()).hasSizeLessThanOrEqualTo(1);
    return inBody.isEmpty()
        ? request.path().replaceFirst("^/api/users/([^/]+)/.*$", "$1")
        : inBody.iterator().next();
  }

  @Test
  void anAdminTokenSendsEachUsersRequestsWithATokenMintedForThemAndDeletesThem()
      throws IOException {
    stride.answerStatisticsOf(TesterTest.plan(), 0);

    assertThat(simulate()).as(console.errors()).isZero();

    var users = TesterTest.plan().userIds();
    String runId = summary().get("runId");
    assertThat(summary())
        .as("the load measured: the batches, not GET /me or the tokens")
        .containsEntry("userTokens", "3")
        .containsEntry("requests", "3")
        .containsEntry("answers.201", "3");
    assertThat(stride.received.get(0))
        .isEqualTo(new Request("GET", "/api/me", bearer(GIVEN), "application/json", ""));
    var mints = stride.to("/api/tokens").stream().filter(r -> r.method().equals("POST")).toList();
    assertThat(mints).extracting(Request::authorization).containsOnly(bearer(GIVEN));
    assertThat(mints).extracting(AccessTest::userOf).containsExactlyInAnyOrderElementsOf(users);
    for (var mint : mints) {
      assertThat(mint.body())
          .contains("\"name\":\"tester " + runId + " " + userOf(mint) + "\"")
          .contains("\"scopes\":[\"read\",\"write\"]", "\"expiresAt\":\"");
    }
    var asUsers = new ArrayList<>(stride.to("/api/sessions"));
    asUsers.addAll(stride.to("/api/users"));
    assertThat(asUsers).hasSize(6);
    for (var request : asUsers) {
      assertThat(request.authorization())
          .as(request.path())
          .isEqualTo(bearer(FakeStride.secretOf(userOf(request))));
    }
    var deletes = stride.received.subList(stride.received.size() - 3, stride.received.size());
    assertThat(deletes).extracting(Request::method).containsOnly("DELETE");
    assertThat(deletes).extracting(Request::authorization).containsOnly(bearer(GIVEN));
    assertThat(deletes)
        .extracting(Request::path)
        .containsExactlyInAnyOrderElementsOf(
            users.stream().map(user -> "/api/tokens/" + FakeStride.tokenIdOf(user)).toList());
    assertThat(console.output() + console.errors())
        .doesNotContain(FakeStride.secretOf(users.get(0)).substring(7));
  }

  @Test
  void noSecretAppearsInAnyOutputOrFile() throws IOException {
    var users = TesterTest.plan().userIds();
    stride.refused =
        authorization -> authorization.equals(bearer(FakeStride.secretOf(users.get(2))));

    assertThat(simulate()).isEqualTo(ExitCode.TOKEN_REFUSED.code());

    var secrets = new ArrayList<>(List.of(GIVEN.substring(7)));
    users.forEach(user -> secrets.add(FakeStride.secretOf(user).substring(7)));
    var texts = new ArrayList<>(List.of(console.output(), console.errors()));
    try (Stream<Path> files = Files.walk(out)) {
      for (var file : files.filter(Files::isRegularFile).toList()) {
        texts.add(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    assertThat(texts).hasSizeGreaterThanOrEqualTo(4);
    for (var text : texts) {
      assertThat(text).doesNotContain(secrets);
    }
  }

  @Test
  void theMintedTokensAreDeletedWhenARunFails() {
    String refusedUser = TesterTest.plan().userId(1);
    stride.refused =
        authorization -> authorization.equals(bearer(FakeStride.secretOf(refusedUser)));

    assertThat(simulate()).isEqualTo(ExitCode.TOKEN_REFUSED.code());

    assertThat(console.errors())
        .contains("error: the token minted for user " + refusedUser + " was refused (401)");
    assertThat(stride.to("/api/tokens"))
        .filteredOn(request -> request.method().equals("DELETE"))
        .hasSize(3);
  }

  @Test
  void theTokensMintedBeforeAFailedMintAreDeleted() {
    String failingUser = TesterTest.plan().userId(1);
    stride.mint =
        body ->
            body.contains(failingUser)
                ? FakeStride.Answer.problem(500, "Internal Server Error", "boom")
                : FakeStride.minted(body);

    assertThat(simulate("--retries", "0")).isEqualTo(ExitCode.SERVICE_FAILED.code());

    assertThat(stride.to("/api/sessions")).isEmpty();
    var minted =
        stride.to("/api/tokens").stream()
            .filter(request -> request.method().equals("POST"))
            .map(AccessTest::userOf)
            .filter(user -> !user.equals(failingUser))
            .map(user -> "/api/tokens/" + FakeStride.tokenIdOf(user))
            .toList();
    assertThat(minted).isNotEmpty();
    assertThat(stride.to("/api/tokens"))
        .filteredOn(request -> request.method().equals("DELETE"))
        .extracting(Request::path)
        .containsExactlyInAnyOrderElementsOf(minted);
  }

  @Test
  void aTokenThatCannotBeDeletedIsToldWithoutFailingTheRun() throws IOException {
    stride.revoke = body -> FakeStride.Answer.problem(503, "Service Unavailable", "later");

    assertThat(simulate("--no-verify", "--retries", "0")).isZero();

    String runId = summary().get("runId");
    assertThat(console.errors().strip())
        .startsWith(
            "warning: 3 of the 3 tokens this run minted (named 'tester "
                + runId
                + " ...') were not deleted and expire at ")
        .contains("the first failure: DELETE /tokens/token-u5-0000")
        .doesNotContain("\n", FakeStride.secretOf(TesterTest.plan().userId(0)).substring(7));
  }

  @Test
  void noUserTokensSendsEverythingWithTheAdminToken() {
    assertThat(simulate("--no-user-tokens", "--no-verify")).isZero();

    assertThat(stride.to("/api/tokens")).isEmpty();
    assertThat(stride.received).extracting(Request::authorization).containsOnly(bearer(GIVEN));
  }

  @Test
  void aTokenWithoutAdminSendsAsItsOwnUser() throws IOException {
    stride.me = () -> new FakeStride.Answer(200, RUNNER);
    stride.answerStatisticsOf(TesterTest.plan().forRealUser("runner-1"), 0);
    var args = new ArrayList<>(TesterTest.simulation(stride, out));
    args.remove(args.indexOf("--users") + 1);
    args.remove("--users");
    args.addAll(List.of("--token", GIVEN));

    assertThat(console.run(variable(null), args.toArray(String[]::new)))
        .as(console.errors())
        .isZero();

    assertThat(console.output()).contains("verification passed: the statistics of 1 users");
    assertThat(stride.to("/api/tokens")).isEmpty();
    assertThat(stride.received).extracting(Request::authorization).containsOnly(bearer(GIVEN));
    assertThat(stride.to("/api/sessions"))
        .extracting(AccessTest::userOf)
        .hasSize(1)
        .containsOnly("runner-1");
    assertThat(stride.paths()).contains("/api/users/runner-1/stats?tz=UTC");
    assertThat(summary()).containsEntry("sessions", "20").containsEntry("userTokens", "0");
  }

  @Test
  void aTokenWithoutAdminRefusesToSimulateOtherUsers() {
    stride.me = () -> new FakeStride.Answer(200, RUNNER);

    assertThat(simulate()).isEqualTo(ExitCode.USAGE.code());

    assertThat(console.errors())
        .startsWith(
            "the token acts for user runner-1 only (it has no admin scope), so simulate sends as"
                + " that one user: leave out --users or give 1, or simulate 3 users with an admin"
                + " token");
    assertThat(stride.paths()).containsExactly("/api/me");
  }

  static final String RUNNER =
      "{\"userId\":\"runner-1\",\"tokenId\":\"r1\",\"scopes\":[\"read\",\"write\"]}";
}
