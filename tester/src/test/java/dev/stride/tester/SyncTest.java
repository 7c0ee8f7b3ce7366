package dev.stride.tester;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.tester.FakeStride.Answer;
import dev.stride.tester.FakeStride.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code sync} against a fake Stride that keeps sessions and a changes feed of them. */
class SyncTest {

  @TempDir Path folder;

  @RegisterExtension final FakeStride stride = new FakeStride();
  final Console console = new Console();
  final Feed feed = new Feed();

  Path file;
  Path position;

  // two sessions start at the same instant: the copy orders them by id
  static final StoredSessionFixture A =
      StoredSessionFixture.of("0b6f3c1e-0000-4000-8000-00000000000a", "2026-01-02T07:00:00Z");
  static final StoredSessionFixture B =
      StoredSessionFixture.of("0b6f3c1e-0000-4000-8000-00000000000b", "2026-01-01T07:00:00Z")
          .withNotes(null);
  static final StoredSessionFixture C =
      StoredSessionFixture.of("fb6f3c1e-0000-4000-8000-00000000000c", "2026-01-02T07:00:00Z")
          .withNotes("a, \"b\"\r\nc");
  static final StoredSessionFixture D =
      StoredSessionFixture.of("1b6f3c1e-0000-4000-8000-00000000000d", "2026-01-04T07:00:00Z");

  /**
   * Stride's sessions of user u1 and its changes feed: position {@code pN} stands after the N-th
   * change; each session appears once, at its last change, as the contract says.
   */
  final class Feed {
    final Map<String, StoredSessionFixture> stored = new LinkedHashMap<>();

    /** The changes in commit order, by session id; a later change of a session replaces it. */
    final List<String[]> log = new ArrayList<>();

    final Set<String> gone = new HashSet<>();

    /** Runs when the export is read, e.g. a write that commits meanwhile. */
    Runnable whileListing = () -> {};

    void upsert(StoredSessionFixture session) {
      stored.put(session.id(), session);
      record(session.id(), session.upsert());
    }

    void delete(StoredSessionFixture session) {
      stored.remove(session.id());
      record(session.id(), session.delete());
    }

    private void record(String id, String change) {
      // the earlier change of the session is blanked, so positions stay where they were
      log.replaceAll(entry -> entry[0].equals(id) ? new String[] {id, null} : entry);
      log.add(new String[] {id, change});
    }

    String now() {
      return "p" + log.size();
    }

    Answer export(String query) {
      assertThat(query).isEqualTo("order=asc&userId=u1");
      var csv = new StringBuilder(StoredSessionFixture.HEADER);
      stored.values().stream()
          .sorted(
              Comparator.comparing(StoredSessionFixture::startedAt)
                  .thenComparing(StoredSessionFixture::id))
          .forEach(session -> csv.append(session.csvRow()));
      whileListing.run();
      whileListing = () -> {};
      return Answer.csv(csv.toString());
    }

    Answer changes(String query) {
      var since = Pattern.compile("since=([^&]*)").matcher(query);
      int limit = Integer.parseInt(query.replaceFirst(".*limit=(\\d+).*", "$1"));
      assertThat(query).contains("userId=u1");
      if (!since.find()) {
        return page(List.of(), now(), false);
      }
      if (gone.contains(since.group(1))) {
        return Answer.problem(410, "Gone", "list everything again");
      }
      if (!since.group(1).matches("p\\d+")) {
        return Answer.problem(400, "Bad Request", "not a position");
      }
      int from = Integer.parseInt(since.group(1).substring(1));
      var changes = new ArrayList<String>();
      int at = from;
      for (; at < log.size() && changes.size() < limit; at++) {
        if (log.get(at)[1] != null) {
          changes.add(log.get(at)[1]);
        }
      }
      boolean more = log.subList(at, log.size()).stream().anyMatch(entry -> entry[1] != null);
      return page(changes, "p" + at, more);
    }

    private Answer page(List<String> changes, String next, boolean hasMore) {
      return new Answer(
          200,
          "{\"changes\":["
              + String.join(",", changes)
              + "],\"next\":\""
              + next
              + "\",\"hasMore\":"
              + hasMore
              + "}");
    }

    /** The CSV of the stored sessions, as a fresh export in order=asc has it. */
    String csv() {
      return export("order=asc&userId=u1").body();
    }
  }

  @BeforeEach
  void fakeTheFeed() {
    stride.csv = feed::export;
    stride.changes = feed::changes;
    file = folder.resolve("u1.csv");
    position = folder.resolve("u1.csv.position");
  }

  int sync(String... more) {
    var args =
        new ArrayList<>(
            List.of(
                "sync",
                file.toString(),
                "--user",
                "u1",
                "--base-url",
                stride.baseUrl(),
                "--retries",
                "0"));
    args.addAll(List.of(more));
    return console.run(
        Map.of(CommonOptions.TOKEN_VARIABLE, TesterTest.TOKEN), args.toArray(String[]::new));
  }

  String copy() throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  String storedPosition() throws IOException {
    return Files.readString(position, StandardCharsets.UTF_8);
  }

  Object fileKey(Path path) throws IOException {
    return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
  }

  List<String> requests() {
    return stride.received.stream().map(Request::path).toList();
  }

  @Test
  void theFirstRunTakesThePositionListsEverythingAndFollowsTheFeedFromThere() throws IOException {
    feed.upsert(A);
    feed.upsert(B);
    // committed after the position "now" was taken, while the list is read: the feed has it
    feed.whileListing = () -> feed.upsert(C);

    assertThat(sync()).as(console.errors()).isZero();

    assertThat(requests())
        .containsExactly(
            "/api/sessions/changes?limit=500&userId=u1",
            "/api/sessions?order=asc&userId=u1",
            "/api/sessions/changes?limit=500&userId=u1&since=p2");
    assertThat(copy())
        .isEqualTo(feed.csv())
        .isEqualTo(StoredSessionFixture.HEADER + B.csvRow() + A.csvRow() + C.csvRow());
    assertThat(storedPosition()).contains("\"next\":\"p3\"", "\"userId\":\"u1\"");
    assertThat(console.output().strip())
        .isEqualTo("sync: listed everything, then 1 upserts, 0 deletes, 3 sessions in " + file);
  }

  @Test
  void laterRunsFollowTheFeedPageByPageAndApplyUpsertsAndDeletes() throws IOException {
    feed.upsert(A);
    feed.upsert(B);
    feed.upsert(C);
    assertThat(sync()).isZero();
    stride.received.clear();

    feed.upsert(D);
    // patched to start earliest: its row moves to the top
    feed.upsert(A.patched("2025-12-31T23:00:00Z", null, "2026-11-04T00:00:00.5Z"));
    feed.delete(B);
    feed.delete(
        StoredSessionFixture.of("00000000-0000-4000-8000-000000000000", "2026-01-01T00:00:00Z"));
    feed.upsert(C.withNotes("=1+1"));

    assertThat(sync("--batch-size", "2")).as(console.errors()).isZero();

    assertThat(requests())
        .containsExactly(
            "/api/sessions/changes?limit=2&userId=u1&since=p3",
            "/api/sessions/changes?limit=2&userId=u1&since=p5",
            "/api/sessions/changes?limit=2&userId=u1&since=p7");
    assertThat(copy())
        .isEqualTo(feed.csv())
        .startsWith(
            StoredSessionFixture.HEADER
                + A.patched("2025-12-31T23:00:00Z", null, "2026-11-04T00:00:00.5Z").csvRow())
        .doesNotContain(B.id());
    assertThat(storedPosition()).contains("\"next\":\"p8\"");
    assertThat(console.output())
        .endsWith("sync: 3 upserts, 2 deletes, 3 sessions in " + file + System.lineSeparator());
  }

  @Test
  void theCopyIsReplacedAsAWholeAndOnlyWhenSomethingChanged() throws IOException {
    feed.upsert(A);
    assertThat(sync()).isZero();
    Object first = fileKey(file);

    assertThat(sync()).isZero();
    assertThat(fileKey(file)).as("nothing changed: the same file").isEqualTo(first);
    assertThat(console.output()).contains("sync: 0 upserts, 0 deletes, 1 sessions in ");

    feed.upsert(B);
    assertThat(sync()).isZero();

    assertThat(fileKey(file))
        .as("a new file moved over the copy, not the copy rewritten")
        .isNotEqualTo(first);
    assertThat(copy()).isEqualTo(feed.csv());
    try (var files = Files.list(folder)) {
      assertThat(files)
          .extracting(path -> path.getFileName().toString())
          .containsExactlyInAnyOrder("u1.csv", "u1.csv.position");
    }
  }

  @Test
  void aFailureHalfWayLeavesTheCopyAndItsPositionAsTheyWere() throws IOException {
    feed.upsert(A);
    assertThat(sync()).isZero();
    String copyBefore = copy();
    String positionBefore = storedPosition();
    feed.upsert(B);
    feed.upsert(C);
    var changes = stride.changes;
    stride.changes =
        query ->
            query.contains("since=p2")
                ? Answer.problem(503, "Service Unavailable", "try later")
                : changes.apply(query);

    assertThat(sync("--batch-size", "1")).isEqualTo(ExitCode.SERVICE_FAILED.code());

    assertThat(console.errors()).contains("GET /sessions/changes answered 503");
    assertThat(copy()).isEqualTo(copyBefore);
    assertThat(storedPosition()).isEqualTo(positionBefore);
    try (var files = Files.list(folder)) {
      assertThat(files).hasSize(2);
    }

    stride.changes = changes;
    assertThat(sync("--batch-size", "1")).isZero();
    assertThat(copy()).isEqualTo(feed.csv()).contains(C.id());
  }

  @Test
  void aPositionTooOldListsEverythingAgain() throws IOException {
    feed.upsert(A);
    feed.upsert(B);
    assertThat(sync()).isZero();
    feed.delete(A);
    feed.upsert(D);
    feed.gone.add("p2");

    assertThat(sync()).as(console.errors()).isZero();

    assertThat(console.errors())
        .contains(
            "sync: the position is older than the changes Stride keeps (410 Gone: list everything"
                + " again): listing everything again");
    assertThat(copy()).isEqualTo(feed.csv()).doesNotContain(A.id()).contains(D.id());
    assertThat(storedPosition()).contains("\"next\":\"p4\"");
    assertThat(console.output())
        .contains("sync: listed everything, then 0 upserts, 0 deletes, 2 sessions in ");
  }

  @Test
  void aRefusedPositionIsAClearErrorThatChangesNothing() throws IOException {
    feed.upsert(A);
    assertThat(sync()).isZero();
    Files.writeString(position, "{\"userId\":\"u1\",\"next\":\"tampered\"}");
    String before = copy();

    assertThat(sync()).isEqualTo(ExitCode.REQUEST_REJECTED.code());

    assertThat(console.errors())
        .contains(
            "error: Stride refused the position in " + position,
            "400 Bad Request: not a position",
            "delete " + position + " to list everything again");
    assertThat(copy()).isEqualTo(before);
  }

  @Test
  void theCopyOfAnotherUserIsNotTouched() throws IOException {
    feed.upsert(A);
    assertThat(sync()).isZero();
    stride.received.clear();

    assertThat(sync("--user", "u2")).isEqualTo(ExitCode.USAGE.code());

    assertThat(console.errors()).contains(file + " is the copy of user u1", "not of user u2");
    assertThat(stride.received).isEmpty();
  }

  @Test
  void aMissingCopyIsListedAgain() throws IOException {
    feed.upsert(A);
    assertThat(sync()).isZero();
    Files.delete(file);
    feed.upsert(B);

    assertThat(sync()).isZero();

    assertThat(console.errors()).contains(file + " is missing though " + position + " is there");
    assertThat(copy()).isEqualTo(feed.csv()).contains(B.id());
  }

  @Test
  void anUnreadablePositionOrCopyIsAFileError() throws IOException {
    feed.upsert(A);
    assertThat(sync()).isZero();
    Files.writeString(file, "a,b\r\n1,2\r\n");

    assertThat(sync()).isEqualTo(ExitCode.FILE_ERROR.code());
    assertThat(console.errors()).contains("cannot read " + file, "not a copy of sessions");

    Files.writeString(position, "not json");
    assertThat(sync()).isEqualTo(ExitCode.FILE_ERROR.code());
    assertThat(console.errors()).contains("cannot read " + position);
  }
}
