package dev.stride.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.support.Api;
import dev.stride.support.Api.Answer;
import dev.stride.support.MetricsText;
import dev.stride.support.SecondBackendPerClass;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an operator reads at {@code /metrics}: every API request counted and timed per route
 * template and status class, sessions and statistics answers by outcome, and a pool whose figures
 * move — on a backend of its own started by payara/launch.sh, so the counts are this test's alone.
 */
class MetricsIT {
  private static final String REQUESTS = "stride_http_server_requests_total";
  private static final String DURATION = "stride_http_server_request_duration_seconds";

  @RegisterExtension static final SecondBackendPerClass backend = new SecondBackendPerClass();

  @Test
  void everyRequestIsCountedAndTimedByRouteTemplateAndStatusClass() {
    Api api = backend.api();
    String user = "metrics-" + UUID.randomUUID();
    MetricsText before = MetricsText.scrape(api);
    for (int i = 0; i < 5; i++) {
      assertThat(api.get("/api/sessions/" + UUID.randomUUID()).status()).isEqualTo(404);
    }
    for (int i = 0; i < 3; i++) {
      assertThat(api.get("/api/users/" + user + "/stats").status()).isEqualTo(200);
    }
    for (int i = 0; i < 2; i++) {
      assertThat(api.as(null).get("/api/sessions").status()).isEqualTo(401);
    }
    MetricsText after = MetricsText.scrape(api);

    assertDelta(before, after, 5, "GET", "/api/sessions/{id}", "4xx");
    assertDelta(before, after, 3, "GET", "/api/users/{userId}/stats", "2xx");
    // Refused by the access check, before any route was matched.
    assertDelta(before, after, 2, "GET", "unmatched", "4xx");
    assertThat(
            after.value("stride_statistics_answers_total", "answer", "computed")
                + after.value("stride_statistics_answers_total", "answer", "kept")
                - before.value("stride_statistics_answers_total", "answer", "computed")
                - before.value("stride_statistics_answers_total", "answer", "kept"))
        .isEqualTo(3);
    assertThat(after.series().keySet())
        .as("no series names a path or a user")
        .noneMatch(key -> key.contains(user))
        .noneMatch(key -> key.matches(".*[0-9a-f]{8}-[0-9a-f]{4}-.*"));
  }

  @Test
  void theLatencyHistogramIsCumulativeAndCountsEveryRequest() {
    Api api = backend.api();
    for (int i = 0; i < 20; i++) {
      assertThat(api.get("/api/sessions?limit=1").status()).isEqualTo(200);
    }
    MetricsText metrics = MetricsText.scrape(api);
    String[] series = {"method", "GET", "route", "/api/sessions", "status", "2xx"};
    double count = metrics.value(DURATION + "_count", series);
    assertThat(count).isGreaterThanOrEqualTo(20).isEqualTo(metrics.value(REQUESTS, series));
    double previous = 0;
    for (String le :
        List.of(
            "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5",
            "5.0", "10.0", "+Inf")) {
      double bucket = metrics.value(DURATION + "_bucket", with(series, "le", le));
      assertThat(bucket).as("le=" + le).isGreaterThanOrEqualTo(previous);
      previous = bucket;
    }
    assertThat(previous).as("+Inf holds every request").isEqualTo(count);
    assertThat(metrics.value(DURATION + "_sum", series)).isPositive();

    // One histogram family, as Prometheus's conventions want it; not Payara's three gauges.
    String text = api.get("/metrics").body();
    assertThat(text.split("\n"))
        .containsOnlyOnce("# TYPE " + DURATION + " histogram")
        .noneMatch(line -> line.startsWith("# TYPE " + DURATION + "_"))
        .noneMatch(line -> line.startsWith("connection_pool_"));
  }

  @Test
  void theNumberOfSeriesDoesNotGrowWithTheUsers() throws Exception {
    Api api = backend.api();
    IntConsumer visit =
        i -> {
          String user = "burst-" + i + "-" + UUID.randomUUID();
          assertThat(api.postJson("/api/sessions", session(user)).status()).isEqualTo(201);
          assertThat(api.get("/api/users/" + user + "/stats").status()).isEqualTo(200);
          assertThat(api.get("/api/sessions?userId=" + user).status()).isEqualTo(200);
        };
    // Every label set this test can reach exists after a few users...
    IntStream.range(0, 10).forEach(visit);
    java.util.Set<String> seriesBefore = strideSeries(MetricsText.scrape(api));
    // ...and 1,000 more distinct users add none.
    inParallel(1_000, visit);
    MetricsText after = MetricsText.scrape(api);
    java.util.Set<String> added = new java.util.TreeSet<>(strideSeries(after));
    added.removeAll(seriesBefore);
    assertThat(added).as("series added by 1,000 more users").isEmpty();
    assertThat(strideSeries(after)).hasSameSizeAs(seriesBefore);
    assertThat(after.series().keySet()).noneMatch(key -> key.contains("burst-"));
    assertThat(after.value("stride_sessions_recorded_total", "outcome", "created", "via", "single"))
        .isGreaterThanOrEqualTo(1_010);
  }

  @Test
  void poolFiguresMoveWhileConnectionsAreHeld() throws Exception {
    Api api = backend.api();
    MetricsText idle = MetricsText.scrape(api);
    double max = idle.value("stride_db_pool_max_connections");
    assertThat(max).isPositive();
    assertThat(idle.value("stride_database_up")).isEqualTo(1);
    assertThat(idle.value("stride_database_size_bytes")).isPositive();
    double checkoutsBefore = idle.value("stride_db_pool_wait_seconds_count");

    // Exports whose answers nobody reads: each holds its connection while its output is blocked.
    // (A user with enough sessions that the CSV outgrows the socket buffers.)
    String user = "held-" + UUID.randomUUID();
    recordMany(api, user, 10_000); // 10 MB of CSV
    List<Socket> held = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        held.add(unreadExport(user));
      }
      MetricsText busy =
          pollUntil(
              () -> MetricsText.scrape(api),
              m -> m.value("stride_db_pool_connections", "state", "in_use") >= 3 + baseline(idle));
      assertThat(busy.value("stride_db_pool_connections", "state", "idle"))
          .isEqualTo(max - busy.value("stride_db_pool_connections", "state", "in_use"));
      assertThat(busy.value("stride_db_pool_wait_seconds_count")).isGreaterThan(checkoutsBefore);
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
    pollUntil(
        () -> MetricsText.scrape(api),
        m -> m.value("stride_db_pool_connections", "state", "in_use") == baseline(idle));
  }

  /** Stride's own series (the JVM's may come and go with its collectors). */
  private static java.util.Set<String> strideSeries(MetricsText metrics) {
    return new java.util.TreeSet<>(
        metrics.series().keySet().stream().filter(key -> key.startsWith("stride_")).toList());
  }

  /** Connections held for good while the backend is idle (the listener for token revocations). */
  private static double baseline(MetricsText idle) {
    return idle.value("stride_db_pool_connections", "state", "in_use");
  }

  private static void assertDelta(
      MetricsText before,
      MetricsText after,
      int expected,
      String method,
      String route,
      String status) {
    String[] labels = {"method", method, "route", route, "status", status};
    assertThat(after.value(REQUESTS, labels) - before.value(REQUESTS, labels))
        .as(method + " " + route + " " + status)
        .isEqualTo(expected);
    assertThat(after.value(DURATION + "_count", labels) - before.value(DURATION + "_count", labels))
        .isEqualTo(expected);
  }

  private static String[] with(String[] labels, String name, String value) {
    String[] all = java.util.Arrays.copyOf(labels, labels.length + 2);
    all[labels.length] = name;
    all[labels.length + 1] = value;
    return all;
  }

  private static String session(String user) {
    return session(user, Instant.parse("2026-11-01T07:00:00Z"));
  }

  private static String session(String user, Instant startedAt) {
    return "{\"userId\":\""
        + user
        + "\",\"activity\":\"running\",\"startedAt\":\""
        + startedAt
        + "\",\"durationSeconds\":1800,\"notes\":\""
        + "x".repeat(1_000)
        + "\"}";
  }

  private static void recordMany(Api api, String user, int count) {
    for (int from = 0; from < count; from += 500) {
      int start = from;
      String batch =
          IntStream.range(start, Math.min(count, start + 500))
              .mapToObj(
                  i -> session(user, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * i)))
              .collect(java.util.stream.Collectors.joining(",", "[", "]"));
      Answer answer = api.postJson("/api/sessions/batch", batch);
      assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }
  }

  /** GET of a user's CSV export; reads the status line and then nothing more. */
  private static Socket unreadExport(String user) throws Exception {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096); // before connecting: it decides the TCP window
    socket.connect(new java.net.InetSocketAddress("127.0.0.1", backend.api().root().getPort()));
    socket
        .getOutputStream()
        .write(
            ("GET /api/sessions?userId="
                    + user
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/csv\r\n"
                    + "Authorization: Bearer "
                    + dev.stride.support.Tokens.admin()
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    InputStream in = socket.getInputStream();
    byte[] status = in.readNBytes(12);
    assertThat(new String(status, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
    return socket;
  }

  private static void inParallel(int count, IntConsumer task) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        done.add(threads.submit(() -> task.accept(n)));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      threads.shutdown();
    }
  }

  private static <T> T pollUntil(
      java.util.function.Supplier<T> probe, java.util.function.Predicate<T> done)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    T value = probe.get();
    while (!done.test(value)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not reached within 30 s; last: " + value);
      }
      Thread.sleep(100); // polling the backend's own figures: there is no event to wait for
      value = probe.get();
    }
    return value;
  }
}
