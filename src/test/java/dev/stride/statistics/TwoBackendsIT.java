package dev.stride.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.support.Api;
import dev.stride.support.Api.Answer;
import dev.stride.support.DeployedStride;
import dev.stride.support.SecondBackendPerClass;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Read-your-writes across backends: a write answered by backend A is seen at once by backend B,
 * whose kept statistics and ETags must not outlive it, and the other way round.
 */
class TwoBackendsIT extends DeployedStride {
  @RegisterExtension static final SecondBackendPerClass second = new SecondBackendPerClass();

  @Test
  void aPostOnOneBackendIsCountedAtOnceByTheOther() {
    Api a = api;
    Api b = second.api();
    String user = "two-" + UUID.randomUUID().toString().substring(0, 8);
    String stats = "/api/users/" + user + "/stats";
    String series = stats + "/series?bucket=day";
    for (int i = 1; i <= 20; i++) {
      Api writer = i % 2 == 0 ? a : b;
      Api reader = i % 2 == 0 ? b : a;
      Answer before = reader.get(stats);
      Answer beforeSeries = reader.get(series);
      String tag = before.header("ETag").orElseThrow();
      assertThat(conditional(reader, stats, tag).status()).isEqualTo(304);

      assertThat(writer.postJson("/api/sessions", session(user, i)).status()).isEqualTo(201);

      Answer after = conditional(reader, stats, tag);
      assertThat(after.status()).as("an old ETag after a write, round " + i).isEqualTo(200);
      assertThat(after.json().getInt("sessionCount")).isEqualTo(i);
      assertThat(after.header("ETag")).isPresent().get().isNotEqualTo(tag);
      Answer afterSeries = conditional(reader, series, beforeSeries.header("ETag").orElseThrow());
      assertThat(afterSeries.status()).isEqualTo(200);
      assertThat(
              afterSeries.json().getJsonArray("items").stream()
                  .mapToInt(item -> item.asJsonObject().getInt("sessionCount"))
                  .sum())
          .isEqualTo(i);
    }
  }

  @Test
  void aDeleteOnOneBackendIsSeenAtOnceByTheOther() {
    String user = "twodel-" + UUID.randomUUID().toString().substring(0, 8);
    String stats = "/api/users/" + user + "/stats";
    String id = api.postJson("/api/sessions", session(user, 1)).json().getString("id");
    api.postJson("/api/sessions", session(user, 2));
    Answer both = second.api().get(stats);
    assertThat(both.json().getInt("sessionCount")).isEqualTo(2);
    Answer read = second.api().get("/api/sessions/" + id);
    String sessionTag = read.header("ETag").orElseThrow();
    assertThat(conditional(api, "/api/sessions/" + id, sessionTag).status())
        .as("both backends give a session the same ETag")
        .isEqualTo(304);

    assertThat(api.delete("/api/sessions/" + id).status()).isEqualTo(204);

    Answer after = conditional(second.api(), stats, both.header("ETag").orElseThrow());
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.json().getInt("sessionCount")).isEqualTo(1);
    assertThat(conditional(second.api(), "/api/sessions/" + id, sessionTag).status())
        .isEqualTo(404);
  }

  private static Answer conditional(Api api, String path, String tag) {
    return api.send(path, "GET", BodyPublishers.noBody(), null, "If-None-Match", tag);
  }

  private static String session(String user, int day) {
    JsonObject session =
        Json.createObjectBuilder()
            .add("userId", user)
            .add("activity", "running")
            .add("startedAt", "2026-10-%02dT07:00:00Z".formatted(day))
            .add("durationSeconds", 1800)
            .add("distanceMeters", 5000.25)
            .build();
    return session.toString();
  }
}
