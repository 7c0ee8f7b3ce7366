package dev.stride.tester;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.tester.sessions.control.SessionsClient;
import dev.stride.tester.sessions.entity.Activity;
import dev.stride.tester.sessions.entity.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the sessions ITs do to a real Stride besides running the tester: record a user's sessions
 * (ties of startedAt, absent values, notes that need quoting), patch and delete them (through
 * java.net.http: Jersey's default connector cannot send PATCH), and run a command with the admin
 * token.
 */
final class SessionsOfIT {

  static final List<String> NOTES =
      List.of(
          "plain",
          "commas, \"quotes\" and\r\na second line",
          "=1+1 stays a formula",
          "Café ☕ 朝 🏃‍♀️",
          " leading space",
          "");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** {@code count} sessions of the user, one in three starting at the same instant as another. */
  static List<Session> of(String userId, int count) {
    var sessions = new ArrayList<Session>();
    var activities = List.of(Activity.RUNNING, Activity.CYCLING, Activity.YOGA, Activity.SWIMMING);
    Instant first = Instant.parse("2026-03-01T06:00:00Z");
    for (int i = 0; i < count; i++) {
      boolean measured = i % 4 != 3;
      sessions.add(
          new Session(
              UUID.randomUUID(),
              userId,
              activities.get(i % activities.size()),
              first.plusSeconds(3600L * (i - i % 3 / 2)).plusMillis(i % 5 == 0 ? 250 : 0),
              600 + 37 * i,
              measured ? 1000.0 + i * 123.45 : null,
              measured ? 200 + i : null,
              measured ? 120 + i % 30 : null,
              measured ? 160 + i % 30 : null,
              i % 7 == 6 ? null : NOTES.get(i % NOTES.size())));
    }
    return sessions;
  }

  static void record(List<Session> sessions) {
    try (var admin = StrideUnderTest.admin()) {
      var answer = new SessionsClient(admin).recordBatch(sessions);
      assertThat(answer.problem()).isNull();
      assertThat(answer.created()).isEqualTo(sessions.size());
    }
  }

  /** {@code PATCH /sessions/{id}} with a JSON merge patch; its status. */
  int patch(UUID id, String mergePatch) {
    return send(
        HttpRequest.newBuilder(uri("sessions/" + id))
            .header("Content-Type", "application/merge-patch+json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(mergePatch)));
  }

  /** {@code DELETE /sessions/{id}}; its status. */
  int delete(UUID id) {
    return send(HttpRequest.newBuilder(uri("sessions/" + id)).DELETE());
  }

  private static URI uri(String path) {
    String base = StrideUnderTest.BASE_URL;
    return URI.create(base + (base.endsWith("/") ? "" : "/") + path);
  }

  private int send(HttpRequest.Builder request) {
    try {
      return http.send(
              request
                  .header("Authorization", "Bearer " + StrideUnderTest.ADMIN_TOKEN)
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs the tester with the admin token in {@code STRIDE_TOKEN}; its exit code. */
  static int run(Console console, String... args) {
    var all = new ArrayList<String>(List.of(args));
    all.addAll(List.of("--base-url", StrideUnderTest.BASE_URL));
    return console.run(
        Map.of(CommonOptions.TOKEN_VARIABLE, StrideUnderTest.ADMIN_TOKEN),
        all.toArray(String[]::new));
  }

  /** A fresh {@code export --order asc} of the user into {@code folder}: the bytes of the file. */
  static String exportOf(String userId, Path folder) throws IOException {
    var console = new Console();
    int exitCode =
        run(console, "export", "--user", userId, "--order", "asc", "--out", folder.toString());
    assertThat(exitCode).as(console.errors()).isZero();
    return Files.readString(folder.resolve("export.csv"), StandardCharsets.UTF_8);
  }
}
