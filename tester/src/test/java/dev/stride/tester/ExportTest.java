package dev.stride.tester;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.tester.FakeStride.Answer;
import dev.stride.tester.FakeStride.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code export} against a fake Stride: the CSV export streamed into a file, and its check. */
class ExportTest {

  @TempDir Path out;

  @RegisterExtension final FakeStride stride = new FakeStride();
  final Console console = new Console();

  static final StoredSessionFixture A =
      StoredSessionFixture.of("0b6f3c1e-0000-4000-8000-00000000000a", "2026-01-01T07:00:00Z")
          .withNotes("a, \"b\"\r\nc");
  static final StoredSessionFixture B =
      StoredSessionFixture.of("0b6f3c1e-0000-4000-8000-00000000000b", "2026-01-02T07:00:00Z")
          .withNotes(null);
  static final StoredSessionFixture C =
      StoredSessionFixture.of("0b6f3c1e-0000-4000-8000-00000000000c", "2026-01-03T07:00:00Z");

  static String csvOf(StoredSessionFixture... sessions) {
    var csv = new StringBuilder(StoredSessionFixture.HEADER);
    Stream.of(sessions).forEach(session -> csv.append(session.csvRow()));
    return csv.toString();
  }

  static String page(String nextCursor, StoredSessionFixture... sessions) {
    return "{\"items\":["
        + String.join(",", Stream.of(sessions).map(StoredSessionFixture::json).toList())
        + "],\"nextCursor\":"
        + (nextCursor == null ? "null" : "\"" + nextCursor + "\"")
        + "}";
  }

  int run(String... more) {
    var args =
        new ArrayList<>(
            List.of(
                "export",
                "--base-url",
                stride.baseUrl(),
                "--out",
                out.toString(),
                "--retries",
                "0"));
    args.addAll(List.of(more));
    return console.run(
        Map.of(CommonOptions.TOKEN_VARIABLE, TesterTest.TOKEN), args.toArray(String[]::new));
  }

  String file() throws IOException {
    return Files.readString(out.resolve("export.csv"), StandardCharsets.UTF_8);
  }

  /** The pages of A, B, C: two, then one. */
  void pagesOfABC() {
    stride.list =
        query -> new Answer(200, query.contains("cursor=") ? page(null, C) : page("ab+/=", A, B));
  }

  @Test
  void theCsvExportIsStreamedIntoTheFileByteForByteWithTheFilters() throws IOException {
    stride.csv = query -> Answer.csv(csvOf(A, B, C));

    int exitCode =
        run("--activity", "running", "--from", "2026-01-01", "--order", "DESC", "--user", "u1");

    assertThat(exitCode).as(console.errors()).isZero();
    assertThat(file()).isEqualTo(csvOf(A, B, C));
    assertThat(stride.to("/api/sessions"))
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.accept()).isEqualTo("text/csv");
              assertThat(request.path())
                  .isEqualTo(
                      "/api/sessions?order=desc&userId=u1&activity=running"
                          + "&from=2026-01-01T00%3A00%3A00Z");
            });
    assertThat(console.output()).contains("exported 3 sessions to ");
    assertThat(Files.readAllLines(out.resolve("summary.csv"))).contains("sessions,3");
  }

  @Test
  void severalUsersFollowOneAnotherUnderOneHeader() throws IOException {
    // the last row of u1's export comes without its line end, as RFC 4180 allows
    stride.csv =
        query ->
            Answer.csv(
                query.contains("userId=u1") ? csvOf(A).replaceFirst("\r\n$", "") : csvOf(B, C));

    assertThat(run("--user", "u1", "--user", "u2")).as(console.errors()).isZero();

    assertThat(file()).isEqualTo(csvOf(A, B, C));
    assertThat(stride.paths())
        .containsExactly("/api/sessions?order=asc&userId=u1", "/api/sessions?order=asc&userId=u2");
    assertThat(console.output()).contains("exported 3 sessions");
  }

  @Test
  void anAnswerThatIsNotTheExportFailsAndLeavesNoFile() throws IOException {
    stride.csv = query -> new Answer(200, page(null, A));

    assertThat(run()).isEqualTo(ExitCode.SERVICE_FAILED.code());
    assertThat(console.errors()).contains("answered application/json, not text/csv");

    stride.csv = query -> Answer.csv("id,userId,activity\r\n1,u1,yoga\r\n");

    assertThat(run()).isEqualTo(ExitCode.SERVICE_FAILED.code());
    assertThat(console.errors()).contains("answered the header row 'id,userId,activity'");
    try (var files = Files.list(out)) {
      assertThat(files).as("no export.csv, no temporary file").isEmpty();
    }
  }

  @Test
  void aFailedExportLeavesThePreviousFileAsItWas() throws IOException {
    stride.csv = query -> Answer.csv(csvOf(A));
    assertThat(run()).isZero();
    stride.csv = query -> Answer.problem(500, "Internal Server Error", "boom");

    assertThat(run()).isEqualTo(ExitCode.SERVICE_FAILED.code());

    assertThat(file()).isEqualTo(csvOf(A));
    try (var files = Files.list(out)) {
      assertThat(files)
          .extracting(Path::getFileName)
          .extracting(Path::toString)
          .containsExactlyInAnyOrder("export.csv", "summary.csv");
    }
  }

  @Test
  void theCheckPagesThroughTheSameListAndPassesWhenTheValuesAreEqual() {
    stride.csv = query -> Answer.csv(csvOf(A, B, C));
    pagesOfABC();
    // JSON may write a value another way than the CSV: it is the same value
    String offset = C.json().replace("2026-01-03T07:00:00Z", "2026-01-03T08:00:00+01:00");
    stride.list =
        query ->
            new Answer(
                200,
                query.contains("cursor=")
                    ? "{\"items\":[" + offset.replace("7500.0", "7500") + "],\"nextCursor\":null}"
                    : page("ab+/=", A, B));

    int exitCode = run("--check", "--batch-size", "2", "--activity", "running");

    assertThat(exitCode).as(console.errors()).isZero();
    assertThat(console.output())
        .contains("check passed: the CSV export holds the 3 sessions of the JSON pages");
    assertThat(stride.to("/api/sessions"))
        .extracting(Request::path)
        .containsExactly(
            "/api/sessions?order=asc&activity=running",
            "/api/sessions?order=asc&activity=running&limit=2",
            "/api/sessions?order=asc&activity=running&limit=2&cursor=ab%2B%2F%3D");
  }

  @Test
  void aRowThatDiffersOrIsMissingFailsTheCheck() throws IOException {
    var wrong =
        new StoredSessionFixture(B.id(), "u1", B.startedAt(), 7500.0, 501, null, B.updatedAt());
    stride.csv = query -> Answer.csv(csvOf(A, wrong));
    pagesOfABC();

    int exitCode = run("--check", "--batch-size", "2");

    assertThat(exitCode).isEqualTo(ExitCode.EXPORT_DIFFERS.code()).isEqualTo(8);
    assertThat(console.errors())
        .contains(
            "error: export --check: the CSV export differs from the JSON pages: 2 rows in the CSV,"
                + " 3 sessions in the pages, 2 rows differ",
            "row 2 (" + B.id() + "): calories '501' in the CSV, '500' in JSON",
            "session 3 (" + C.id() + ") is in the pages, not in the CSV");
    assertThat(Files.readAllLines(out.resolve("summary.csv")))
        .contains("check,failed", "differences,2");
  }

  @Test
  void anExtraRowFailsTheCheck() {
    stride.csv = query -> Answer.csv(csvOf(A, B, C, C));
    pagesOfABC();

    assertThat(run("--check")).isEqualTo(ExitCode.EXPORT_DIFFERS.code());
    assertThat(console.errors()).contains("row 4 (" + C.id() + ") is in the CSV, not in the pages");
  }

  @Test
  void anUnknownOrderIsAUsageError() {
    assertThat(run("--order", "sideways")).isEqualTo(ExitCode.USAGE.code());
    assertThat(stride.received).isEmpty();
  }
}
