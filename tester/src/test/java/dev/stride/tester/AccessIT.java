package dev.stride.tester;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.tester.access.control.TokensClient;
import dev.stride.tester.access.entity.NewToken;
import dev.stride.tester.access.entity.Token;
import dev.stride.tester.service.control.ServiceClient;
import dev.stride.tester.sessions.control.SessionsClient;
import dev.stride.tester.sessions.control.SessionsQuery;
import dev.stride.tester.sessions.entity.StoredSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tokens of a run against a real Stride: with the admin token, each simulated user sends with a
 * token of their own, which is gone after the run; with a user's token, simulate sends as that user
 * only.
 */
class AccessIT {

  static final int SESSIONS_PER_USER = 20;

  @TempDir Path out;

  final long seed = System.nanoTime() % 1_000_000_000L;
  ServiceClient admin;

  @BeforeEach
  void connect() {
    StrideUnderTest.require();
    admin = StrideUnderTest.admin();
  }

  @AfterEach
  void close() {
    if (admin != null) {
      admin.close();
    }
  }

  /** Runs simulate with this token into out/name; its exit code, with what it printed. */
  int simulate(String token, String name, Console console, String... more) {
    var args =
        new ArrayList<>(
            List.of(
                "simulate",
                "--base-url",
                StrideUnderTest.BASE_URL,
                "--seed",
                Long.toString(seed),
                "--sessions-per-user",
                Integer.toString(SESSIONS_PER_USER),
                "--out",
                out.resolve(name).toString()));
    args.addAll(List.of(more));
    return console.run(Map.of(CommonOptions.TOKEN_VARIABLE, token), args.toArray(String[]::new));
  }

  List<StoredSession> storedOf(String userId) {
    var page =
        new SessionsClient(admin).list(new SessionsQuery(userId, null, null, null), null, 1000);
    assertThat(page.nextCursor()).isNull();
    return page.items();
  }

  @Test
  void anAdminTokenSendsEachUserWithATokenOfTheirOwnThatIsGoneAfterTheRun() throws IOException {
    var console = new Console();

    int exitCode =
        simulate(
            StrideUnderTest.ADMIN_TOKEN, "admin", console, "--users", "3", "--batch-size", "7");

    assertThat(exitCode).as(console.errors() + console.output()).isZero();
    assertThat(console.output()).contains("verification passed: the statistics of 3 users");
    assertThat(SimulateIT.summary(out.resolve("admin")))
        .containsEntry("userTokens", "3")
        .containsEntry("created", Integer.toString(3 * SESSIONS_PER_USER));
    Map<String, List<String>> sentByUser =
        SimulateIT.rows(out.resolve("admin").resolve("sessions.csv")).stream()
            .collect(
                Collectors.groupingBy(
                    row -> row.get("userId"),
                    Collectors.mapping(row -> row.get("id"), Collectors.toList())));
    assertThat(sentByUser).hasSize(3);
    var tokens = new TokensClient(admin);
    for (var user : sentByUser.entrySet()) {
      assertThat(tokens.list(user.getKey())).as("tokens of " + user.getKey()).isEmpty();
      var stored = storedOf(user.getKey());
      assertThat(stored).extracting(StoredSession::userId).containsOnly(user.getKey());
      assertThat(stored)
          .extracting(StoredSession::id)
          .containsExactlyInAnyOrderElementsOf(user.getValue());
    }
  }

  @Test
  void aUsersOwnTokenSimulatesThatUserOnly() throws IOException {
    String userId = "it-runner-" + seed;
    var tokens = new TokensClient(admin);
    Token token = tokens.create(new NewToken("AccessIT", List.of("read", "write"), userId, null));
    var console = new Console();
    try {
      assertThat(simulate(token.secret(), "own", console)).as(console.errors()).isZero();
      assertThat(simulate(token.secret(), "three", console, "--users", "3"))
          .isEqualTo(ExitCode.USAGE.code());
    } finally {
      tokens.delete(token.id());
    }
    int afterDelete = simulate(token.secret(), "deleted", console);

    assertThat(console.output()).contains("verification passed: the statistics of 1 users");
    assertThat(SimulateIT.rows(out.resolve("own").resolve("sessions.csv")))
        .hasSize(SESSIONS_PER_USER)
        .allMatch(row -> row.get("userId").equals(userId) && row.get("status").equals("201"));
    assertThat(storedOf(userId)).hasSize(SESSIONS_PER_USER);
    assertThat(console.errors())
        .contains("the token acts for user " + userId + " only")
        .contains("error: the token was refused (401): check --token / STRIDE_TOKEN")
        .doesNotContain(token.secret().substring(7));
    assertThat(afterDelete).isEqualTo(ExitCode.TOKEN_REFUSED.code());
  }
}
