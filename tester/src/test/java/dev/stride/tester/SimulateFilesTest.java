package dev.stride.tester;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.tester.FakeStride.Answer;
import dev.stride.tester.FakeStride.Upload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --files} against a fake Stride: generated files imported and measured. */
class SimulateFilesTest {

  @TempDir Path out;

  @RegisterExtension final FakeStride stride = new FakeStride();
  final Console console = new Console();

  int simulate(String... more) {
    var args = TesterTest.simulation(stride, out);
    args.addAll(
        List.of("--files", "--file-duration", "30", "--users", "2", "--sessions-per-user", "3"));
    args.addAll(List.of(more));
    return console.run(
        Map.of(CommonOptions.TOKEN_VARIABLE, TesterTest.TOKEN), args.toArray(String[]::new));
  }

  Map<String, String> summary() throws IOException {
    return Files.readAllLines(out.resolve("summary.csv"), StandardCharsets.UTF_8).stream()
        .skip(1)
        .map(line -> line.split(",", 2))
        .collect(Collectors.toMap(cells -> cells[0], cells -> cells[1]));
  }

  @Test
  void eachSessionIsAGeneratedFileImportedAsItsUserWithItsToken() throws IOException {
    int exitCode = simulate();

    assertThat(exitCode).as(console.errors() + console.output()).isZero();
    assertThat(stride.uploads).hasSize(6);
    // mixed: the three formats in turn
    assertThat(stride.uploads)
        .extracting(Upload::contentType)
        .containsExactlyInAnyOrder(
            "application/gpx+xml",
            "application/gpx+xml",
            "application/vnd.garmin.tcx+xml",
            "application/vnd.garmin.tcx+xml",
            "application/vnd.ant.fit",
            "application/vnd.ant.fit");
    assertThat(stride.uploads)
        .extracting(Upload::query)
        .containsOnly("userId=u5-00000", "userId=u5-00001");
    // the admin token mints one for each user, who imports their own files with it
    assertThat(stride.to("/api/sessions/import"))
        .extracting(FakeStride.Request::authorization)
        .containsOnly(
            "Bearer " + FakeStride.secretOf("u5-00000"),
            "Bearer " + FakeStride.secretOf("u5-00001"));
    assertThat(
            stride.uploads.stream()
                .map(upload -> new String(upload.body(), StandardCharsets.ISO_8859_1))
                .distinct())
        .as("every file is another")
        .hasSize(6);
    try (var written = Files.walk(out.resolve("files"))) {
      assertThat(written.filter(Files::isRegularFile)).hasSize(6);
    }
    assertThat(Files.readAllLines(out.resolve("imports.csv"))).hasSize(1 + 6);
    assertThat(summary())
        .containsEntry("imports", "6")
        .containsEntry("created", "6")
        .containsEntry("failed", "0")
        .containsEntry("verification", "skipped (--files)")
        .containsKeys("importsPerSecond", "latencyP50Millis", "latencyP99Millis");
    assertThat(console.output()).contains("wrote 6 mixed files").contains("imports/s");
  }

  @Test
  void oneFormatOnlyAndARejectionExitsWith4() throws IOException {
    stride.imports = upload -> Answer.problem(400, "Bad Request", "no timed samples");

    int exitCode = simulate("--format", "fit", "--no-user-tokens");

    assertThat(exitCode).isEqualTo(ExitCode.REQUEST_REJECTED.code());
    assertThat(stride.uploads)
        .extracting(Upload::contentType)
        .containsOnly("application/vnd.ant.fit");
    assertThat(summary()).containsEntry("rejected", "6");
    assertThat(console.errors())
        .contains("6 files were rejected, the first: ")
        .contains(": 400 no timed samples");
  }

  @Test
  void filesThatWouldStartMoreThanADayAheadAreRefusedBeforeAnythingIsSent() {
    int exitCode =
        simulate(
            "--file-duration",
            "86400",
            "--from",
            "2026-12-01",
            "--to",
            "2026-12-02",
            "--sessions-per-user",
            "50");

    assertThat(exitCode).isEqualTo(ExitCode.USAGE.code());
    assertThat(console.errors()).contains("more than a day ahead");
    assertThat(stride.received).isEmpty();
  }
}
