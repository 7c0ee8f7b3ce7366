package dev.stride.tester;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.tester.FakeStride.Answer;
import dev.stride.tester.FakeStride.Upload;
import dev.stride.tester.activityfiles.control.ImportReport;
import dev.stride.tester.output.control.CsvOutput;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import} against a fake Stride: the folder walk, the media types sent, the report and the
 * exit codes. The files hold a word that tells the fake what to answer; it does not read them.
 */
class ImportTest {

  @TempDir Path folder;

  @RegisterExtension final FakeStride stride = new FakeStride();
  final Console console = new Console();

  /** The fake's answer to a file holding {@code created}, {@code existing}, {@code bad}, …. */
  static Answer answerTo(Upload upload) {
    String word = new String(upload.body(), StandardCharsets.UTF_8);
    return switch (word) {
      case "existing" -> new Answer(200, "{\"id\":\"old-1\"}");
      case "bad" -> Answer.problem(400, "Bad Request", "the file holds no timed samples");
      case "big" -> Answer.problem(413, "Content Too Large", "files are at most 16 MiB");
      case "broken" -> Answer.problem(500, "Internal Server Error", "oops");
      default -> new Answer(201, "{\"id\":\"new-" + word + "\",\"source\":{\"format\":\"gpx\"}}");
    };
  }

  Path file(String name, String word) throws IOException {
    Path file = folder.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, word);
  }

  int run(String... more) {
    var args =
        new ArrayList<>(
            List.of(
                "import", "--base-url", stride.baseUrl(), "--retries", "0", "--concurrency", "2"));
    args.addAll(List.of(more));
    return console.run(
        Map.of(CommonOptions.TOKEN_VARIABLE, TesterTest.TOKEN), args.toArray(String[]::new));
  }

  static List<CSVRecord> rows(String csv) throws IOException {
    var format = CsvOutput.ROWS.builder().setHeader().setSkipHeaderRecord(true).get();
    try (var parser = format.parse(new StringReader(csv))) {
      assertThat(parser.getHeaderNames()).containsExactly(ImportReport.HEADER);
      return parser.getRecords();
    }
  }

  static List<String> column(List<CSVRecord> rows, String name) {
    return rows.stream().map(row -> row.get(name)).toList();
  }

  @Test
  void aFolderIsWalkedAndEachFileSentWithTheMediaTypeOfItsExtension() throws IOException {
    stride.imports = ImportTest::answerTo;
    file("b/ride.TCX", "1");
    file("a.gpx", "2");
    file("b/c/swim.fit", "3");
    file("b/run.gpx.gz", "4");
    file("b/readme.txt", "not an activity file");
    file("b/old.fit.zip", "neither");

    int exitCode = run(folder.toString());

    assertThat(exitCode).as(console.errors()).isZero();
    var rows = rows(console.output());
    assertThat(column(rows, "path"))
        .containsExactly(
            folder.resolve("a.gpx").toString(),
            folder.resolve("b/c/swim.fit").toString(),
            folder.resolve("b/ride.TCX").toString(),
            folder.resolve("b/run.gpx.gz").toString());
    assertThat(column(rows, "format")).containsExactly("gpx", "fit", "tcx", "gpx");
    assertThat(column(rows, "outcome")).containsOnly("created");
    assertThat(column(rows, "status")).containsOnly("201");
    assertThat(column(rows, "sessionId")).containsExactly("new-2", "new-3", "new-1", "new-4");
    assertThat(stride.uploads)
        .extracting(
            upload -> new String(upload.body(), StandardCharsets.UTF_8), Upload::contentType)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("1", "application/vnd.garmin.tcx+xml"),
            org.assertj.core.groups.Tuple.tuple("2", "application/gpx+xml"),
            org.assertj.core.groups.Tuple.tuple("3", "application/vnd.ant.fit"),
            org.assertj.core.groups.Tuple.tuple("4", "application/gzip"));
    // without --user: the token's own user, as GET /me names it
    assertThat(stride.uploads).extracting(Upload::query).containsOnly("userId=admin");
    assertThat(stride.to("/api/sessions/import"))
        .allSatisfy(
            request -> assertThat(request.authorization()).isEqualTo("Bearer " + TesterTest.TOKEN));
    assertThat(console.errors())
        .contains("import: 4 files, 4 created, 0 existing, 0 rejected, 0 failed");
  }

  @Test
  void everyAnswerIsARowAndARejectionExitsWith4() throws IOException {
    stride.imports = ImportTest::answerTo;
    file("1.gpx", "new");
    file("2.gpx", "existing");
    file("3.tcx", "bad");
    file("4.fit", "big");

    int exitCode = run(folder.toString());

    assertThat(exitCode).isEqualTo(ExitCode.REQUEST_REJECTED.code());
    var rows = rows(console.output());
    assertThat(column(rows, "outcome"))
        .containsExactly("created", "existing", "rejected", "rejected");
    assertThat(column(rows, "status")).containsExactly("201", "200", "400", "413");
    assertThat(column(rows, "sessionId")).containsExactly("new-new", "old-1", "", "");
    assertThat(column(rows, "detail"))
        .containsExactly("", "", "the file holds no timed samples", "files are at most 16 MiB");
    assertThat(console.errors())
        .contains("import: 4 files, 1 created, 1 existing, 2 rejected, 0 failed")
        .contains("error: 2 files were rejected, the first: " + folder.resolve("3.tcx") + ": 400");
  }

  @Test
  void theReportGoesToAFileTheSummaryToStandardOutputAndTheOptionsIntoTheQuery()
      throws IOException {
    Path gpx = file("one.gpx", "1");
    Path report = folder.resolve("out/report.csv");

    int exitCode =
        run(
            "--user",
            "u-7",
            "--activity",
            "hiking",
            "--notes",
            "Alps + lakes, day 2",
            "--report",
            report.toString(),
            gpx.toString());

    assertThat(exitCode).as(console.errors()).isZero();
    assertThat(rows(Files.readString(report)))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("path")).isEqualTo(gpx.toString());
              assertThat(row.get("outcome")).isEqualTo("created");
            });
    assertThat(console.output()).startsWith("import: 1 files, 1 created");
    assertThat(stride.uploads)
        .singleElement()
        .extracting(Upload::query)
        .isEqualTo("userId=u-7&activity=hiking&notes=Alps%20%2B%20lakes%2C%20day%202");
    assertThat(stride.paths()).noneMatch(path -> path.startsWith("/api/me"));
  }

  @Test
  void aFailureOfTheServiceIsAFailedRowAndExitsWith5() throws IOException {
    stride.imports = ImportTest::answerTo;
    file("1.gpx", "broken");
    file("2.gpx", "fine");

    assertThat(run("--user", "u1", folder.toString())).isEqualTo(ExitCode.SERVICE_FAILED.code());

    var rows = rows(console.output());
    assertThat(column(rows, "outcome")).containsExactly("failed", "created");
    assertThat(column(rows, "status")).containsExactly("500", "201");
    assertThat(rows.get(0).get("detail")).contains("oops");
  }

  @Test
  void anUnreachableServiceStopsTheImportAndExitsWith3() throws IOException {
    file("1.gpx", "x");
    file("2.tcx", "y");
    int closedPort;
    try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    int exitCode =
        console.run(
            Map.of(CommonOptions.TOKEN_VARIABLE, TesterTest.TOKEN),
            "import",
            "--base-url",
            "http://127.0.0.1:" + closedPort + "/api",
            "--retries",
            "0",
            "--user",
            "u1",
            "--concurrency",
            "1",
            folder.toString());

    assertThat(exitCode).isEqualTo(ExitCode.SERVICE_UNREACHABLE.code());
    var rows = rows(console.output());
    assertThat(column(rows, "outcome")).containsExactly("failed", "failed");
    assertThat(rows.get(1).get("detail")).startsWith("not sent: cannot reach");
    assertThat(console.errors()).contains("error: cannot reach http://127.0.0.1:" + closedPort);
  }

  @Test
  void aRefusedTokenExitsWith7() throws IOException {
    file("1.gpx", "x");
    stride.refused = authorization -> true;

    assertThat(run("--user", "u1", folder.toString())).isEqualTo(ExitCode.TOKEN_REFUSED.code());
    assertThat(console.errors()).contains(CommonOptions.TOKEN_REFUSED);
  }

  @Test
  void aFolderWithoutActivityFilesImportsNothingAndSucceeds() throws IOException {
    file("readme.txt", "x");

    assertThat(run("--user", "u1", folder.toString())).as(console.errors()).isZero();

    assertThat(rows(console.output())).isEmpty();
    assertThat(console.errors()).contains("import: 0 files, 0 created");
    assertThat(stride.uploads).isEmpty();
  }

  @Test
  void aPathThatIsNoActivityFileIsAMistakeOnTheCommandLine() throws IOException {
    Path text = file("notes.txt", "x");

    assertThat(run(text.toString())).isEqualTo(ExitCode.USAGE.code());
    assertThat(console.errors()).contains("is not an activity file");
    assertThat(run(folder.resolve("missing").toString())).isEqualTo(ExitCode.USAGE.code());
    assertThat(console.errors()).contains("does not exist");
    assertThat(stride.received).isEmpty();
  }

  @Test
  void generatedFilesAreImportedAsTheyWereWritten() throws IOException {
    Path files = folder.resolve("generated");

    assertThat(
            console.run(
                Map.of(),
                "generate-files",
                files.toString(),
                "--count",
                "4",
                "--duration",
                "60",
                "--gzip"))
        .as(console.errors())
        .isZero();
    assertThat(run("--user", "u1", files.toString())).as(console.errors()).isZero();

    assertThat(stride.uploads)
        .hasSize(4)
        .extracting(Upload::contentType)
        .containsOnly("application/gzip");
    var sent =
        stride.uploads.stream()
            .map(upload -> new String(upload.body(), StandardCharsets.ISO_8859_1))
            .toList();
    try (var written = Files.list(files)) {
      assertThat(written.sorted().map(ImportTest::latin1))
          .containsExactlyInAnyOrderElementsOf(sent);
    }
  }

  static String latin1(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
