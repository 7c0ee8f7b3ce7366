package dev.stride.tester;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.tester.sessions.entity.Activity;
import dev.stride.tester.sessions.entity.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --check} against a real Stride: its CSV export agrees with its JSON pages. */
class ExportIT {

  static final int SESSIONS = 45;

  @TempDir Path out;

  final String userId = "it-export-" + System.nanoTime() % 1_000_000_000L;
  final Console console = new Console();
  List<Session> sent;

  @BeforeEach
  void recordSessions() {
    StrideUnderTest.require();
    sent = SessionsOfIT.of(userId, SESSIONS);
    SessionsOfIT.record(sent);
  }

  /** Runs export of the user into {@code out} with these options; its exit code. */
  int export(String... options) {
    var args = new ArrayList<>(List.of("export", "--user", userId, "--out", out.toString()));
    args.addAll(List.of(options));
    return SessionsOfIT.run(console, args.toArray(String[]::new));
  }

  /** Stride's order: by startedAt, ties by id as text. */
  static final Comparator<Session> ASCENDING =
      Comparator.comparing(Session::startedAt).thenComparing(session -> session.id().toString());

  static List<String> idsOf(Stream<Session> sessions, Comparator<Session> order) {
    return sessions.sorted(order).map(session -> session.id().toString()).toList();
  }

  List<CSVRecord> exported() throws IOException {
    return SimulateIT.rows(out.resolve("export.csv"));
  }

  @Test
  void theExportOfAUserHoldsTheirSessionsAndAgreesWithThePages() throws IOException {
    int exitCode = export("--check", "--batch-size", "7");

    assertThat(exitCode).as(console.errors()).isZero();
    assertThat(console.output())
        .contains(
            "exported " + SESSIONS + " sessions",
            "check passed: the CSV export holds the " + SESSIONS + " sessions of the JSON pages");
    String text = Files.readString(out.resolve("export.csv"), StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith(
            "id,userId,activity,startedAt,durationSeconds,distanceMeters,calories,avgHeartRate,"
                + "maxHeartRate,notes,createdAt,updatedAt\r\n")
        .endsWith("\r\n");
    var rows = exported();
    assertThat(rows)
        .extracting(row -> row.get("id"))
        .containsExactlyElementsOf(idsOf(sent.stream(), ASCENDING));
    assertThat(rows)
        .extracting(row -> row.get("notes"))
        .contains("commas, \"quotes\" and\r\na second line", "Café ☕ 朝 🏃‍♀️", "");
  }

  @Test
  void theFiltersAndTheOrderApplyToTheExportAndItsCheck() throws IOException {
    int exitCode =
        export(
            "--activity",
            "running",
            "--activity",
            "yoga",
            "--from",
            "2026-03-01T10:00:00Z",
            "--order",
            "desc",
            "--check",
            "--batch-size",
            "3");

    assertThat(exitCode).as(console.errors()).isZero();
    var expected =
        idsOf(
            sent.stream()
                .filter(
                    session ->
                        List.of(Activity.RUNNING, Activity.YOGA).contains(session.activity()))
                .filter(
                    session ->
                        !session.startedAt().isBefore(Instant.parse("2026-03-01T10:00:00Z"))),
            ASCENDING.reversed());
    assertThat(expected).hasSizeBetween(10, SESSIONS - 10);
    assertThat(exported()).extracting(row -> row.get("id")).containsExactlyElementsOf(expected);
    assertThat(console.output())
        .contains("check passed: the CSV export holds the " + expected.size());
  }
}
