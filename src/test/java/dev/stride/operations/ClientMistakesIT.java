package dev.stride.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.support.Api;
import dev.stride.support.SecondBackend;
import dev.stride.support.TestDatabase;
import dev.stride.support.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A client that breaks HTTP — goes away in the middle of its body or of the answer, frames its body
 * wrongly, stops sending it — costs the log one short line per request and counts once in {@code
 * stride_http_client_errors_total{kind}}; before, each cost 24 to 384 lines of SEVERE and WARNING
 * stack traces. Stride's own faults keep their stack traces. Runs against a backend started by
 * {@code payara/launch.sh} (production settings) on a database of its own, whose log is a file that
 * the test reads.
 */
class ClientMistakesIT {
  /** How often each probe is sent: the counter must grow by exactly this much. */
  private static final int TIMES = 3;

  /** Sessions for the CSV export: about 12 MB, more than the sockets' buffers hold. */
  private static final int BATCHES = 20;

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static TestDatabase database;
  private static SecondBackend backend;
  private static Path log;

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.fresh("mistakes");
    backend = SecondBackend.startOn(database.name());
    // SecondBackend's log on a database of the test's own (see its class comment).
    log = Path.of("target/backend-" + database.name() + "-" + port() + ".log");
    assertThat(log).exists();
    for (int batch = 0; batch < BATCHES; batch++) {
      Api.Answer recorded = backend.api().postJson("/api/sessions/batch", batchOfSessions());
      assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    }
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (backend != null) {
      backend.close();
    }
    if (database != null) {
      database.close();
    }
  }

  static Stream<Arguments> probes() {
    return Stream.of(
        probe(
            "a half-sent session",
            "aborted_upload",
            "during the request body (POST /api/sessions)",
            () -> halfSent("/api/sessions")),
        probe(
            "a half-sent batch",
            "aborted_upload",
            "during the request body (POST /api/sessions/batch)",
            () -> halfSent("/api/sessions/batch")),
        probe(
            "a chunked batch cut in the middle of a chunk",
            "aborted_upload",
            "during the request body (POST /api/sessions/batch)",
            ClientMistakesIT::cutInAChunk),
        probe(
            "both Content-Length and Transfer-Encoding",
            "bad_framing",
            "both Content-Length and Transfer-Encoding",
            ClientMistakesIT::bothLengths),
        probe(
            "a chunk size that is no number",
            "bad_framing",
            "chunk length",
            () -> badChunkSize(false)),
        probe(
            "a chunk size that is no number, after a first chunk",
            "bad_framing",
            "chunk length",
            () -> badChunkSize(true)),
        probe(
            "a CSV export that the client stops reading",
            "aborted_download",
            "before the whole answer was sent (GET /api/sessions)",
            ClientMistakesIT::abandonedExport),
        probe(
            "a body that stops arriving",
            "read_timeout",
            "(read timeout) (POST /api/sessions)",
            ClientMistakesIT::stalled));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("probes")
  void eachMistakeIsOneShortLineAndOneCount(String what, String kind, String described, Probe probe)
      throws Exception {
    double before = count(kind);
    int from = logLines().size();

    for (int i = 0; i < TIMES; i++) {
      probe.send();
    }

    poll(() -> count(kind), counted -> counted >= before + TIMES);
    List<String> added = poll(() -> logLinesFrom(from), lines -> told(lines, kind).size() >= TIMES);
    assertThat(told(added, kind)).hasSize(TIMES).allMatch(line -> line.contains(described));
    assertThat(added)
        .as("no stack trace, no warning")
        .noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"))
        .noneMatch(line -> line.contains("SEVERE") || line.contains("WARNING"));
    assertThat(added.size()).as("lines added to the log").isLessThanOrEqualTo(3 * TIMES);

    assertThat(backend.api().get("/api/sessions?limit=1").status()).isEqualTo(200);
    assertThat(count(kind)).as("counted once per request").isEqualTo(before + TIMES);
  }

  @Test
  void ourOwnFaultIsLoggedWithItsStackTraceAndCountsNoClientMistake() {
    double before = totalCount();
    int from = logLines().size();
    database.execute("ALTER TABLE sessions RENAME TO sessions_away");
    try {
      assertThat(backend.api().get("/api/sessions/" + UUID.randomUUID()).status()).isEqualTo(500);
    } finally {
      database.execute("ALTER TABLE sessions_away RENAME TO sessions");
    }

    List<String> added =
        poll(
            () -> logLinesFrom(from),
            lines -> lines.stream().anyMatch(line -> line.startsWith("\tat dev.stride.")));
    assertThat(added).anyMatch(line -> line.contains("SEVERE"));
    assertThat(added).anyMatch(line -> line.contains("unexpected failure"));
    assertThat(totalCount()).isEqualTo(before);
    assertThat(backend.api().get("/api/sessions?limit=1").status()).isEqualTo(200);
  }

  // The probes: each opens a connection of its own, as a client that talks to Payara directly.

  /** Announces 100,000 bytes of body, sends half of them and closes the connection. */
  private static void halfSent(String path) throws IOException {
    try (Socket socket = connect()) {
      send(socket, head("POST", path, "Content-Length: 100000"));
      send(socket, body(50_000));
    }
  }

  /** Announces a chunk of 16 KiB, sends 8 KiB of it and closes the connection. */
  private static void cutInAChunk() throws IOException {
    try (Socket socket = connect()) {
      send(socket, head("POST", "/api/sessions/batch", "Transfer-Encoding: chunked"));
      send(socket, "4000\r\n");
      send(socket, body(0x2000));
    }
  }

  /**
   * Transfer-Encoding and then Content-Length, which Grizzly refuses with an empty 400. (In the
   * other order it takes the body as chunked and Stride answers it.)
   */
  private static void bothLengths() throws IOException {
    try (Socket socket = connect()) {
      send(
          socket,
          head("POST", "/api/sessions/batch", "Transfer-Encoding: chunked\r\nContent-Length: 10"));
      send(socket, "2\r\n[]\r\n0\r\n\r\n");
      assertThat(answer(socket)).startsWith("HTTP/1.1 400");
    }
  }

  /**
   * A chunk size of "zz": at once (Grizzly refuses the request before Stride sees it) or after a
   * first chunk, with a pause that lets Stride's reader start on the body.
   */
  private static void badChunkSize(boolean afterAFirstChunk)
      throws IOException, InterruptedException {
    try (Socket socket = connect()) {
      send(socket, head("POST", "/api/sessions/batch", "Transfer-Encoding: chunked"));
      if (afterAFirstChunk) {
        send(socket, "2000\r\n");
        send(socket, body(0x2000));
        send(socket, "\r\n");
        Thread.sleep(300); // the client pausing, not a wait for the server
      }
      send(socket, "zz\r\n[]\r\n0\r\n\r\n");
      assertThat(answer(socket)).startsWith("HTTP/1.1 400");
    }
  }

  /** Asks for the CSV export of every session, reads its first bytes and closes the connection. */
  private static void abandonedExport() throws IOException {
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096); // so that the answer cannot wait in the buffers
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port()), 5_000);
      socket.setSoTimeout(20_000);
      send(socket, head("GET", "/api/sessions?userId=export", "Accept: text/csv"));
      assertThat(answer(socket)).startsWith("HTTP/1.1 200");
    }
  }

  /** Announces a body, sends its first bytes and then nothing: answered 400 once reads time out. */
  private static void stalled() throws IOException {
    try (Socket socket = connect()) {
      send(socket, head("POST", "/api/sessions", "Content-Length: 100000"));
      send(socket, "{\"id\":");
      assertThat(answer(socket)).startsWith("HTTP/1.1 400");
    }
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", port());
    socket.setSoTimeout(20_000);
    return socket;
  }

  /** A request's head with the admin token: without one, Stride answers before reading a body. */
  private static byte[] head(String method, String path, String headers) {
    return (method
            + " "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Authorization: Bearer "
            + Tokens.admin()
            + "\r\n"
            + headers
            + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** The first {@code length} bytes of a valid batch body. */
  private static byte[] body(int length) {
    StringBuilder text = new StringBuilder("[");
    while (text.length() < length) {
      text.append(
          "{\"userId\":\"u1\",\"activity\":\"running\",\"startedAt\":\"2026-11-01T07:00:00Z\","
              + "\"durationSeconds\":60},");
    }
    return text.substring(0, length).getBytes(StandardCharsets.US_ASCII);
  }

  private static void send(Socket socket, String text) throws IOException {
    send(socket, text.getBytes(StandardCharsets.US_ASCII));
  }

  private static void send(Socket socket, byte[] bytes) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(bytes);
    out.flush();
  }

  /** The first bytes of the answer (its status line, at least). */
  private static String answer(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    byte[] answer = new byte[256];
    int read = in.read(answer);
    return new String(answer, 0, Math.max(read, 0), StandardCharsets.ISO_8859_1);
  }

  /** 1,000 sessions of the user "export", with notes of 500 characters. */
  private static String batchOfSessions() {
    JsonArrayBuilder sessions = Json.createArrayBuilder();
    String notes = "n".repeat(500);
    for (int i = 0; i < 1000; i++) {
      sessions.add(
          Json.createObjectBuilder()
              .add("id", UUID.randomUUID().toString())
              .add("userId", "export")
              .add("activity", "running")
              .add("startedAt", "2026-10-01T07:00:00Z")
              .add("durationSeconds", 60 + i)
              .add("notes", notes));
    }
    return sessions.build().toString();
  }

  // What the backend tells: its counter and its log.

  private static final Pattern COUNTER =
      Pattern.compile("^stride_http_client_errors_total\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);

  /** The counter of one kind, as /metrics shows it. */
  private static double count(String kind) {
    return counts()
        .filter(c -> c.labels().contains("kind=\"" + kind + "\""))
        .findFirst()
        .map(Count::value)
        .orElse(0.0);
  }

  private static double totalCount() {
    return counts().mapToDouble(Count::value).sum();
  }

  private record Count(String labels, double value) {}

  private static Stream<Count> counts() {
    Api.Answer metrics = backend.api().as(null).get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    Matcher counter = COUNTER.matcher(metrics.body());
    Stream.Builder<Count> counts = Stream.builder();
    while (counter.find()) {
      counts.add(new Count(counter.group(1), Double.parseDouble(counter.group(2))));
    }
    return counts.build();
  }

  /** The lines of the log that tell a mistake of this kind. */
  private static List<String> told(List<String> lines, String kind) {
    return lines.stream().filter(line -> line.contains("client mistake " + kind + ":")).toList();
  }

  private static List<String> logLines() {
    try {
      // Latin-1 reads any byte: a line cut in the middle of a character must not fail the test.
      return Files.readAllLines(log, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> logLinesFrom(int from) {
    List<String> lines = logLines();
    return lines.subList(Math.min(from, lines.size()), lines.size());
  }

  private static int port() {
    return backend.api().root().getPort();
  }

  /** Asks again until the value is the expected one, for at most 60 s. */
  private static <T> T poll(Supplier<T> ask, Predicate<T> expected) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    T value = ask.get();
    while (!expected.test(value)) {
      assertThat(System.nanoTime()).as("last seen: " + value).isLessThan(deadline);
      try {
        Thread.sleep(50); // polling: Payara writes its log in the background, with no signal
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      value = ask.get();
    }
    return value;
  }

  private static Arguments probe(String what, String kind, String described, Probe probe) {
    return Arguments.of(what, kind, described, probe);
  }

  /** A client's mistake, sent on a connection of its own. */
  @FunctionalInterface
  private interface Probe {
    void send() throws Exception;
  }
}
