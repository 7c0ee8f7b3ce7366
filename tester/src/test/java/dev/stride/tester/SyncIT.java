package dev.stride.tester;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.tester.sessions.entity.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync} against a real Stride: after each run the local copy is byte for byte a fresh export
 * of the user in {@code order=asc}, through creations, patches and deletions.
 */
class SyncIT {

  static final int SESSIONS = 40;

  @TempDir Path out;

  final String userId = "it-sync-" + System.nanoTime() % 1_000_000_000L;
  final SessionsOfIT stride = new SessionsOfIT();
  Path file;
  List<Session> sent;

  @BeforeEach
  void recordSessions() {
    StrideUnderTest.require();
    sent = new ArrayList<>(SessionsOfIT.of(userId, SESSIONS));
    SessionsOfIT.record(sent);
    file = out.resolve("copy").resolve(userId + ".csv");
  }

  /** Runs sync of the user; its exit code, with what it printed in {@code console}. */
  int sync(Console console, String... more) {
    var args = new ArrayList<>(List.of("sync", file.toString(), "--user", userId));
    args.addAll(List.of(more));
    return SessionsOfIT.run(console, args.toArray(String[]::new));
  }

  String copy() throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  String freshExport(String name) throws IOException {
    return SessionsOfIT.exportOf(userId, out.resolve(name));
  }

  @Test
  void theCopyIsAFreshExportAfterEveryRun() throws IOException {
    var first = new Console();
    assertThat(sync(first)).as(first.errors()).isZero();
    assertThat(first.output().strip())
        .isEqualTo(
            "sync: listed everything, then 0 upserts, 0 deletes, "
                + SESSIONS
                + " sessions in "
                + file);
    assertThat(copy()).isEqualTo(freshExport("first"));

    // three patched (one moved to the top, one losing values, one with new notes), two deleted,
    // two new: five upserts and two deletes, each session once
    assertThat(stride.patch(sent.get(5).id(), "{\"startedAt\":\"2026-01-01T00:00:00Z\"}"))
        .isEqualTo(200);
    assertThat(stride.patch(sent.get(6).id(), "{\"distanceMeters\":null,\"calories\":null}"))
        .isEqualTo(200);
    assertThat(stride.patch(sent.get(7).id(), "{\"notes\":\"patched, \\\"again\\\"\\nline\"}"))
        .isEqualTo(200);
    assertThat(stride.patch(sent.get(7).id(), "{\"durationSeconds\":4321}")).isEqualTo(200);
    assertThat(stride.delete(sent.get(0).id())).isEqualTo(204);
    assertThat(stride.delete(sent.get(1).id())).isEqualTo(204);
    SessionsOfIT.record(SessionsOfIT.of(userId, 2));

    var second = new Console();
    assertThat(sync(second, "--batch-size", "2")).as(second.errors()).isZero();

    assertThat(second.output().strip())
        .isEqualTo("sync: 5 upserts, 2 deletes, " + SESSIONS + " sessions in " + file);
    String afterChanges = copy();
    assertThat(afterChanges)
        .isEqualTo(freshExport("second"))
        .doesNotContain(sent.get(0).id().toString(), sent.get(1).id().toString())
        .contains("\"patched, \"\"again\"\"\nline\"", ",4321,");
    assertThat(afterChanges.lines().skip(1).findFirst())
        .hasValueSatisfying(row -> assertThat(row).startsWith(sent.get(5).id().toString()));

    var third = new Console();
    assertThat(sync(third)).as(third.errors()).isZero();
    assertThat(third.output().strip())
        .isEqualTo("sync: 0 upserts, 0 deletes, " + SESSIONS + " sessions in " + file);
    assertThat(copy()).isEqualTo(afterChanges);
  }

  @Test
  void aPositionStrideDidNotIssueIsRefusedAndTheCopyStaysAsItWas() throws IOException {
    var console = new Console();
    assertThat(sync(console)).as(console.errors()).isZero();
    String before = copy();
    Path position = file.resolveSibling(file.getFileName() + ".position");
    Files.writeString(position, "{\"userId\":\"" + userId + "\",\"next\":\"not-a-position\"}");

    assertThat(sync(console)).isEqualTo(ExitCode.REQUEST_REJECTED.code());

    assertThat(console.errors())
        .contains("error: Stride refused the position in " + position, "answered 400");
    assertThat(copy()).isEqualTo(before);
  }
}
