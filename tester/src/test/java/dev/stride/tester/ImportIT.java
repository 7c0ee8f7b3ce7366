package dev.stride.tester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.stride.tester.service.control.ServiceClient;
import dev.stride.tester.sessions.entity.StoredSession;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.SyncInvoker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import} of generated files against a real Stride: every format is created once, then found
 * again. Skipped without {@code -Dstride.baseUrl}, and against a Stride that has no import endpoint
 * yet (404 or 405 to a POST of it).
 */
class ImportIT {

  static final int POINTS = 600;

  @TempDir Path folder;

  final String userId = "it-import-" + System.nanoTime() % 1_000_000_000L;
  final Console console = new Console();

  @BeforeEach
  void onlyAgainstAServiceThatImports() {
    StrideUnderTest.require();
    try (var admin = StrideUnderTest.admin()) {
      int status =
          admin.send(
              "POST /sessions/import (probe)",
              api -> api.path("sessions/import").queryParam("userId", userId),
              request -> request.post(Entity.entity(new byte[0], "application/gpx+xml")),
              response -> {
                response.close();
                return response.getStatus();
              });
      assumeFalse(status == 404 || status == 405, "Stride has no POST /sessions/import yet");
    }
  }

  int run(String... args) {
    return SessionsOfIT.run(console, args);
  }

  static List<CSVRecord> report(Path file) throws IOException {
    return ImportTest.rows(Files.readString(file));
  }

  @Test
  void everyFormatIsCreatedOnceAndFoundAgain() throws IOException {
    Path files = folder.resolve("files");
    assertThat(
            console.run(
                Map.of(),
                "generate-files",
                files.toString(),
                "--count",
                "3",
                "--duration",
                Integer.toString(POINTS)))
        .isZero();
    assertThat(
            console.run(
                Map.of(),
                "generate-files",
                files.resolve("gz").toString(),
                "--count",
                "3",
                "--duration",
                Integer.toString(POINTS),
                "--seed",
                "43",
                "--gzip"))
        .isZero();
    Path first = folder.resolve("first.csv");
    Path again = folder.resolve("again.csv");

    assertThat(run("import", "--user", userId, "--report", first.toString(), files.toString()))
        .as(console.errors())
        .isZero();
    assertThat(run("import", "--user", userId, "--report", again.toString(), files.toString()))
        .as(console.errors())
        .isZero();

    var created = report(first);
    assertThat(created).hasSize(6).allMatch(row -> row.get("outcome").equals("created"));
    var found = report(again);
    assertThat(found).allMatch(row -> row.get("outcome").equals("existing"));
    assertThat(found)
        .extracting(row -> row.get("sessionId"))
        .containsExactlyElementsOf(created.stream().map(row -> row.get("sessionId")).toList());
    try (var admin = StrideUnderTest.admin()) {
      for (var row : created) {
        StoredSession session = sessionOf(admin, row.get("sessionId"));
        assertThat(session.userId()).isEqualTo(userId);
        assertThat(session.source().format()).isEqualTo(row.get("format"));
        assertThat(session.source().samples()).isEqualTo((long) POINTS);
        assertThat(session.durationSeconds()).isEqualTo(POINTS - 1L);
        assertThat(session.avgHeartRate()).isBetween(100L, 180L);
      }
    }
  }

  @Test
  void aFileThatIsNoActivityIsRejectedWithItsDetail() throws IOException {
    Files.writeString(folder.resolve("broken.gpx"), "<gpx>not a track</gpx>");
    assertThat(run("import", "--user", userId, folder.toString()))
        .isEqualTo(ExitCode.REQUEST_REJECTED.code());

    var rows = ImportTest.rows(console.output());
    assertThat(rows)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("outcome")).isEqualTo("rejected");
              assertThat(row.get("status")).isEqualTo("400");
              assertThat(row.get("detail")).isNotBlank();
            });
  }

  @Test
  void simulateFilesImportsEachUsersFilesAndASecondRunFindsThemAll() throws IOException {
    String seed = Long.toString(System.nanoTime() % 1_000_000_000L);
    var args =
        List.of(
            "simulate",
            "--files",
            "--users",
            "2",
            "--sessions-per-user",
            "3",
            "--file-duration",
            "300",
            "--seed",
            seed,
            "--concurrency",
            "2");

    var first = new ArrayList<>(args);
    first.addAll(List.of("--out", folder.resolve("first").toString()));
    assertThat(run(first.toArray(String[]::new))).as(console.errors()).isZero();
    var again = new ArrayList<>(args);
    again.addAll(List.of("--out", folder.resolve("again").toString()));
    assertThat(run(again.toArray(String[]::new))).as(console.errors()).isZero();

    assertThat(SimulateIT.summary(folder.resolve("first")))
        .containsEntry("imports", "6")
        .containsEntry("created", "6");
    assertThat(SimulateIT.summary(folder.resolve("again")))
        .containsEntry("created", "0")
        .containsEntry("existing", "6");
    assertThat(report(folder.resolve("again/imports.csv")))
        .allMatch(row -> row.get("status").equals("200"));
  }

  static StoredSession sessionOf(ServiceClient admin, String id) {
    return admin.send(
        "GET /sessions/" + id,
        api -> api.path("sessions").path(id),
        SyncInvoker::get,
        ServiceClient.expect("GET /sessions/" + id, 200, StoredSession.class));
  }
}
