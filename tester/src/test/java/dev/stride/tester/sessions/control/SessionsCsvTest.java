package dev.stride.tester.sessions.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.tester.output.control.CsvOutput;
import dev.stride.tester.sessions.entity.Activity;
import dev.stride.tester.sessions.entity.Session;
import dev.stride.tester.sessions.entity.SessionSource;
import dev.stride.tester.sessions.entity.StoredSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsCsvTest {

  @TempDir Path folder;

  static final String NOTES = "Rain, wind, and \"fun\"\nline two – Café ☕ 朝 🏃‍♀️";

  static Session session(String notes) {
    return new Session(
        UUID.fromString("0b6f3c1e-3c43-4c5a-9d1e-2b1f7a0d9e11"),
        "runner.1",
        Activity.RUNNING,
        Instant.parse("2026-11-01T07:00:00Z"),
        1800,
        7500.5,
        500,
        140,
        170,
        notes);
  }

  List<CSVRecord> read(String file) throws IOException {
    var format = CsvOutput.ROWS.builder().setHeader().setSkipHeaderRecord(true).get();
    try (var parser =
        format.parse(Files.newBufferedReader(folder.resolve(file), StandardCharsets.UTF_8))) {
      return parser.getRecords();
    }
  }

  @Test
  void sentSessionsHaveAHeaderAndQuoteNotesAsRfc4180() throws IOException {
    try (var csv = SessionsCsv.sent(new CsvOutput(folder))) {
      csv.writeSent(List.of(session(NOTES), session(null)), 201);
    }

    String text = Files.readString(folder.resolve("sessions.csv"), StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith(
            "id,userId,activity,startedAt,durationSeconds,distanceMeters,calories,avgHeartRate,"
                + "maxHeartRate,notes,status\r\n")
        .contains("\"Rain, wind, and \"\"fun\"\"\nline two – Café ☕ 朝 🏃‍♀️\"");
    var rows = read("sessions.csv");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("notes")).isEqualTo(NOTES);
    assertThat(rows.get(0).get("startedAt")).isEqualTo("2026-11-01T07:00:00Z");
    assertThat(rows.get(0).get("status")).isEqualTo("201");
    assertThat(rows.get(1).get("notes")).isEmpty();
  }

  @Test
  void decimalsUseADotWhateverTheLocale() throws IOException {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try (var csv = SessionsCsv.sent(new CsvOutput(folder))) {
      csv.writeSent(List.of(session(null)), 200);
    } finally {
      Locale.setDefault(before);
    }
    assertThat(read("sessions.csv").get(0).get("distanceMeters")).isEqualTo("7500.5");
  }

  @Test
  void storedSessionsHaveTheCellsOfStridesExport() {
    assertThat(String.join(",", SessionsCsv.exportHeader()))
        .isEqualTo(
            "id,userId,activity,startedAt,durationSeconds,distanceMeters,calories,avgHeartRate,"
                + "maxHeartRate,notes,createdAt,updatedAt");
    var session =
        new StoredSession(
            "id-1",
            "u1",
            "yoga",
            "2026-11-01T07:00:00Z",
            3600L,
            7500.0,
            null,
            140L,
            null,
            "",
            "2026-11-02T10:00:00.12Z",
            "2026-11-03T10:00:00Z",
            new SessionSource("gpx", "ab", 12L));

    assertThat(SessionsCsv.exportCells(session))
        .containsExactly(
            "id-1",
            "u1",
            "yoga",
            "2026-11-01T07:00:00Z",
            "3600",
            "7500.0",
            "",
            "140",
            "",
            "",
            "2026-11-02T10:00:00.12Z",
            "2026-11-03T10:00:00Z");
  }

  @Test
  void usersAreReadFromASessionsCsvInFileOrder() {
    try (var csv = SessionsCsv.sent(new CsvOutput(folder))) {
      csv.writeSent(List.of(session(NOTES), session(null)), 201);
    }
    assertThat(SessionsCsv.userIdsIn(folder.resolve("sessions.csv"))).containsExactly("runner.1");
  }

  @Test
  void aFileWithoutUsersIsRefused() throws IOException {
    Files.writeString(folder.resolve("other.csv"), "a,b\r\n1,2\r\n");
    assertThatThrownBy(() -> SessionsCsv.userIdsIn(folder.resolve("other.csv")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("no userId column");
  }
}
