package dev.stride.tester;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.tester.FakeStride.Answer;
import dev.stride.tester.FakeStride.Request;
import dev.stride.tester.simulation.entity.SimulationPlan;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TesterTest {

  static final String TOKEN = "stride_" + "t".repeat(43);

  @TempDir Path out;

  @RegisterExtension final FakeStride stride = new FakeStride();
  final Console console = new Console();

  int run(String... args) {
    return console.run(Map.of(CommonOptions.TOKEN_VARIABLE, TOKEN), args);
  }

  /** The arguments of a fast simulate of {@link #plan()} against the fake. */
  static List<String> simulation(FakeStride stride, Path out) {
    return new ArrayList<>(
        List.of(
            "simulate",
            "--base-url",
            stride.baseUrl(),
            "--out",
            out.toString(),
            "--users",
            "3",
            "--sessions-per-user",
            "20",
            "--seed",
            "5",
            "--batch-size",
            "25",
            "--concurrency",
            "2",
            "--backoff-millis",
            "1"));
  }

  /** Simulates with the given token only: these tests are about sending, AccessTest's are not. */
  int simulate(String... more) {
    var args = simulation(stride, out);
    args.add("--no-user-tokens");
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  List<String> lines(String file) throws IOException {
    return Files.readAllLines(out.resolve(file), StandardCharsets.UTF_8);
  }

  static SimulationPlan plan() {
    return new SimulationPlan(
        5, 3, 20, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-07-01"));
  }

  @Test
  void helpListsTheCommandsAndExitCodes() {
    assertThat(run("--help")).isZero();
    assertThat(console.output())
        .contains(
            "simulate",
            "stats",
            "export",
            "sync",
            "import",
            "generate-files",
            "Exit codes:",
            "3   the service cannot be reached",
            "8   export --check");
    assertThat(run("simulate", "--help")).isZero();
    assertThat(console.output())
        .contains("--sessions-per-user", "--no-verify", "--batch-size", "--files", "--format");
    assertThat(run("import", "--help")).isZero();
    assertThat(console.output()).contains("FILE|DIR...", "--report", "--user");
  }

  @Test
  void anInvalidCommandLineExitsWithUsage() {
    assertThat(run("simulate", "--no-such-option")).isEqualTo(ExitCode.USAGE.code());
    assertThat(console.errors()).contains("Unknown option: '--no-such-option'");
    assertThat(simulate("--batch-size", "0")).isEqualTo(ExitCode.USAGE.code());
    assertThat(console.errors()).contains("--batch-size must be 1..1000");
    assertThat(simulate("--from", "2026-02-01", "--to", "2026-01-01")).isEqualTo(2);
    assertThat(run("stats", "--base-url", stride.baseUrl())).isEqualTo(2);
    assertThat(run()).isEqualTo(2);
  }

  @Test
  void aClosedPortIsReportedOnOneLine() throws IOException {
    int port;
    try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    int exitCode =
        run(
            "simulate",
            "--base-url",
            "http://127.0.0.1:" + port + "/api",
            "--out",
            out.toString(),
            "--users",
            "1",
            "--retries",
            "1",
            "--backoff-millis",
            "1");

    assertThat(exitCode).isEqualTo(ExitCode.SERVICE_UNREACHABLE.code()).isEqualTo(3);
    assertThat(console.errors().strip())
        .startsWith("error: cannot reach http://127.0.0.1:" + port + "/api: Connection refused")
        .doesNotContain("Exception", "\tat ", "\n");
  }

  @Test
  void simulateSendsBatchesAndWritesTheCsvFiles() throws IOException {
    assertThat(simulate("--no-verify")).isZero();

    var sent = stride.to("/api/sessions");
    assertThat(sent).extracting(Request::path).containsOnly("/api/sessions/batch");
    assertThat(sent).extracting(Request::authorization).containsOnly("Bearer " + TOKEN);
    assertThat(stride.to("/api/tokens")).as("--no-user-tokens").isEmpty();
    assertThat(sent)
        .extracting(Request::body)
        .hasSize(3)
        .allMatch(body -> FakeStride.countItems(body) == 20)
        .extracting(FakeStride::userIdsIn)
        .containsExactlyInAnyOrder(Set.of("u5-00000"), Set.of("u5-00001"), Set.of("u5-00002"));
    var sessions = lines("sessions.csv");
    assertThat(sessions.get(0)).startsWith("id,userId,activity,startedAt,");
    assertThat(Files.readString(out.resolve("sessions.csv")).split("\r\n"))
        .filteredOn(line -> line.endsWith(",201"))
        .hasSizeGreaterThanOrEqualTo(55);
    assertThat(lines("summary.csv"))
        .contains("metric,value", "sessions,60", "created,60", "verification,skipped");
    assertThat(console.output()).contains("requests", "201: 3", "latency ms", "sessions/s");
  }

  @Test
  void simulateOneByOneUsesPostSessions() {
    assertThat(simulate("--no-verify", "--batch-size", "1")).isZero();
    assertThat(stride.to("/api/sessions"))
        .hasSize(60)
        .extracting(Request::path)
        .containsOnly("/api/sessions");
  }

  @Test
  void simulateVerifiesTheStatistics() throws IOException {
    stride.answerStatisticsOf(plan(), 0);

    assertThat(simulate()).isZero();

    assertThat(console.output()).contains("verification passed");
    assertThat(stride.paths()).contains("/api/users/u5-00000/stats?tz=UTC");
    assertThat(lines("stats.csv")).filteredOn(line -> line.contains(",total,")).hasSize(3);
    assertThat(lines("summary.csv")).contains("verification,passed", "differences,0");
  }

  @Test
  void aWrongStatisticFailsTheRun() throws IOException {
    stride.answerStatisticsOf(plan(), 1);

    assertThat(simulate()).isEqualTo(ExitCode.STATISTICS_DIFFER.code());

    assertThat(console.errors()).contains("statistics differ", "u5-00000 sessionCount: expected");
    assertThat(lines("differences.csv")).hasSize(4);
    assertThat(lines("summary.csv")).contains("verification,failed");
  }

  @Test
  void aRejectedBatchIsNotRetriedAndGivesItsExitCode() {
    stride.batch = body -> Answer.problem(400, "Bad Request", "2 fields are invalid");

    assertThat(simulate("--no-verify")).isEqualTo(ExitCode.REQUEST_REJECTED.code());

    assertThat(stride.to("/api/sessions")).hasSize(3);
    assertThat(console.errors())
        .contains("60 sessions were rejected", "400 Bad Request: 2 fields are invalid");
  }

  @Test
  void serverErrorsAreRetried() {
    var failures = new AtomicInteger(2);
    stride.batch =
        body ->
            failures.getAndDecrement() > 0
                ? Answer.problem(503, "Service Unavailable", "try later")
                : new Answer(201, "{\"created\":1,\"existing\":0,\"ids\":[]}");

    assertThat(simulate("--no-verify", "--concurrency", "1")).isZero();

    assertThat(stride.to("/api/sessions")).hasSize(5);
    assertThat(console.output()).contains("503: 2");
  }

  @Test
  void aServiceThatKeepsFailingStopsTheRun() {
    stride.batch = body -> Answer.problem(500, "Internal Server Error", "boom");

    assertThat(simulate("--no-verify", "--retries", "2")).isEqualTo(ExitCode.SERVICE_FAILED.code());

    assertThat(console.errors().strip())
        .isEqualTo(
            "error: POST /sessions/batch answered 500 Internal Server Error: boom (after 3"
                + " attempts)");
  }

  @Test
  void statsWritesOneRowPerActivityAndATotalPerUser() throws IOException {
    stride.answerStatisticsOf(plan(), 0);

    int exitCode =
        run(
            "stats",
            "--base-url",
            stride.baseUrl(),
            "--out",
            out.toString(),
            "--seed",
            "5",
            "--users",
            "2",
            "u5-00002");

    assertThat(exitCode).isZero();
    var rows = lines("stats.csv");
    assertThat(rows.get(0)).startsWith("userId,activity,sessionCount,");
    assertThat(rows).filteredOn(row -> row.contains(",total,20,")).hasSize(3);
  }

  @Test
  void statsOfAnUnknownEndpointIsARejection() {
    assertThat(run("stats", "--base-url", stride.baseUrl(), "--out", out.toString(), "u1"))
        .isEqualTo(ExitCode.REQUEST_REJECTED.code());
    assertThat(console.errors())
        .contains("GET /users/u1/stats answered 404 Not Found: no statistics here");
  }
}
