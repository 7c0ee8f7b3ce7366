package dev.stride.tester;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.tester.output.control.CsvOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end against a running Stride, e.g. {@code mvn verify
 * -Dstride.baseUrl=http://localhost:8080/api -Dstride.token=...}; skipped without {@code
 * stride.baseUrl}.
 */
class SimulateIT {

  static final int USERS = 50;
  static final int SESSIONS_PER_USER = 20;

  @TempDir Path out;

  @BeforeEach
  void onlyAgainstAService() {
    StrideUnderTest.require();
  }

  record Run(int exitCode, String output, String errors, Path folder) {}

  Run simulate(long seed, String name, String... more) {
    Path folder = out.resolve(name);
    var output = new StringWriter();
    var errors = new StringWriter();
    var commandLine = Tester.commandLine();
    commandLine.setOut(new PrintWriter(output, true));
    commandLine.setErr(new PrintWriter(errors, true));
    var args =
        new java.util.ArrayList<>(
            List.of(
                "simulate",
                "--base-url",
                StrideUnderTest.BASE_URL,
                "--token",
                StrideUnderTest.ADMIN_TOKEN,
                "--users",
                Integer.toString(USERS),
                "--sessions-per-user",
                Integer.toString(SESSIONS_PER_USER),
                "--seed",
                Long.toString(seed),
                "--batch-size",
                "100",
                "--concurrency",
                "4",
                "--out",
                folder.toString()));
    args.addAll(List.of(more));
    int exitCode = commandLine.execute(args.toArray(String[]::new));
    return new Run(exitCode, output.toString(), errors.toString(), folder);
  }

  static List<CSVRecord> rows(Path file) throws IOException {
    var format = CsvOutput.ROWS.builder().setHeader().setSkipHeaderRecord(true).get();
    try (var parser = format.parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
      return parser.getRecords();
    }
  }

  static Map<String, String> summary(Path folder) throws IOException {
    return rows(folder.resolve("summary.csv")).stream()
        .collect(Collectors.toMap(row -> row.get("metric"), row -> row.get("value")));
  }

  @Test
  void fiftyUsersAreVerifiedAndASecondRunCreatesNothing() throws IOException {
    long seed = System.currentTimeMillis() % 1_000_000_000L;
    int sessions = USERS * SESSIONS_PER_USER;

    Run first = simulate(seed, "first");

    assertThat(first.exitCode()).as(first.errors() + first.output()).isZero();
    assertThat(first.output()).contains("verification passed");
    var sent = rows(first.folder().resolve("sessions.csv"));
    assertThat(sent).hasSize(sessions);
    assertThat(sent.stream().map(row -> row.get("id")).distinct()).hasSize(sessions);
    assertThat(sent).allMatch(row -> row.get("status").equals("201"));
    var stats = rows(first.folder().resolve("stats.csv"));
    assertThat(stats)
        .filteredOn(row -> row.get("activity").equals("total"))
        .hasSize(USERS)
        .allMatch(row -> row.get("sessionCount").equals(Integer.toString(SESSIONS_PER_USER)));
    assertThat(rows(first.folder().resolve("differences.csv"))).isEmpty();
    assertThat(summary(first.folder()))
        .containsEntry("verification", "passed")
        .containsEntry("sessions", Integer.toString(sessions))
        .containsEntry("created", Integer.toString(sessions))
        .containsEntry("rejected", "0");

    Run again = simulate(seed, "again");

    assertThat(again.exitCode()).as(again.errors() + again.output()).isZero();
    assertThat(rows(again.folder().resolve("sessions.csv")))
        .hasSize(sessions)
        .allMatch(row -> row.get("status").equals("200"));
    assertThat(summary(again.folder()))
        .containsEntry("verification", "passed")
        .containsEntry("created", "0")
        .containsEntry("existing", Integer.toString(sessions));

    Run oneByOne = simulate(seed, "one-by-one", "--users", "3", "--batch-size", "1");

    assertThat(oneByOne.exitCode()).as(oneByOne.errors() + oneByOne.output()).isZero();
    assertThat(rows(oneByOne.folder().resolve("sessions.csv")))
        .hasSize(3 * SESSIONS_PER_USER)
        .allMatch(row -> row.get("status").equals("200"));
  }
}
