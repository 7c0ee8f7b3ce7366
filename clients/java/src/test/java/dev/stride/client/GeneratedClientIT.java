package dev.stride.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.stride.client.api.SessionsApi;
import dev.stride.client.api.StatisticsApi;
import dev.stride.client.model.Activity;
import dev.stride.client.model.ActivityStats;
import dev.stride.client.model.BatchResult;
import dev.stride.client.model.Bucket;
import dev.stride.client.model.SeriesItem;
import dev.stride.client.model.Session;
import dev.stride.client.model.SessionInput;
import dev.stride.client.model.SessionPage;
import dev.stride.client.model.UserSeries;
import dev.stride.client.model.UserStats;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Java client that openapi-generator made from Stride's served OpenAPI document, used as a
 * client would use it against a running Stride ({@code -Dstride.baseUrl}, the backend's root): what
 * it sends is accepted and what it reads back has the values that were sent.
 */
class GeneratedClientIT {
  private final ApiClient client = client();
  private final SessionsApi sessions = new SessionsApi(client);
  private final StatisticsApi statistics = new StatisticsApi(client);
  private final String user = "client-" + UUID.randomUUID();

  /** The client with the bearer token of {@code -Dstride.token} (or STRIDE_ADMIN_TOKEN). */
  private static ApiClient client() {
    ApiClient client = new ApiClient();
    client.updateBaseUri(System.getProperty("stride.baseUrl", "http://127.0.0.1:8080"));
    String token = System.getProperty("stride.token", System.getenv("STRIDE_ADMIN_TOKEN"));
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    return client;
  }

  @Test
  void recordsListsAndSummarisesSessions() throws ApiException {
    UUID runId = UUID.randomUUID();
    SessionInput run =
        new SessionInput()
            .id(runId.toString())
            .userId(user)
            .activity(Activity.RUNNING)
            .startedAt(OffsetDateTime.parse("2026-11-01T07:00:00+01:00"))
            .durationSeconds(1800)
            .distanceMeters(5000.5)
            .calories(300)
            .avgHeartRate(141)
            .maxHeartRate(182)
            .notes("Easy run by the river");
    SessionInput ride =
        new SessionInput()
            .userId(user)
            .activity(Activity.CYCLING)
            .startedAt(OffsetDateTime.parse("2026-11-02T18:30:00Z"))
            .durationSeconds(3600)
            .distanceMeters(20000.0);

    Session stored = sessions.record(run);
    assertThat(stored.getId()).isEqualTo(runId);
    assertThat(stored.getUserId()).isEqualTo(user);
    assertThat(stored.getActivity()).isEqualTo(Activity.RUNNING);
    assertThat(stored.getStartedAt()).isEqualTo(OffsetDateTime.of(2026, 11, 1, 6, 0, 0, 0, UTC));
    assertThat(stored.getDurationSeconds()).isEqualTo(1800);
    assertThat(stored.getDistanceMeters()).isEqualTo(5000.5);
    assertThat(stored.getCalories()).isEqualTo(300);
    assertThat(stored.getAvgHeartRate()).isEqualTo(141);
    assertThat(stored.getMaxHeartRate()).isEqualTo(182);
    assertThat(stored.getNotes()).isEqualTo("Easy run by the river");
    assertThat(stored.getCreatedAt()).isNotNull();
    assertThat(sessions.record(run)).as("a retry answers the stored session").isEqualTo(stored);

    BatchResult batch = sessions.recordBatch(List.of(ride));
    assertThat(batch.getCreated()).isEqualTo(1);
    assertThat(batch.getExisting()).isZero();
    assertThat(batch.getIds()).hasSize(1);
    UUID rideId = UUID.fromString(batch.getIds().get(0));

    SessionPage page = sessions.callList(user, null, null, null, "asc", 10, null);
    assertThat(page.getItems()).extracting(Session::getId).containsExactly(runId, rideId);
    assertThat(page.getItems().get(0)).isEqualTo(stored);
    assertThat(page.getItems().get(1).getCalories()).isNull();
    assertThat(page.getNextCursor()).isNull();

    SessionPage first =
        sessions.callList(
            user, List.of(Activity.CYCLING, Activity.RUNNING), null, null, null, 1, null);
    assertThat(first.getItems()).extracting(Session::getId).containsExactly(rideId);
    SessionPage second =
        sessions.callList(
            user,
            List.of(Activity.CYCLING, Activity.RUNNING),
            null,
            null,
            null,
            1,
            first.getNextCursor());
    assertThat(second.getItems()).extracting(Session::getId).containsExactly(runId);
    assertThat(sessions.read(rideId.toString()).getActivity()).isEqualTo(Activity.CYCLING);

    UserStats stats = statistics.summarise(user, null, null, null, "Europe/Rome");
    assertThat(stats.getUserId()).isEqualTo(user);
    assertThat(stats.getTz()).isEqualTo("Europe/Rome");
    assertThat(stats.getFrom()).isNull();
    assertThat(stats.getSessionCount()).isEqualTo(2);
    assertThat(stats.getTotalDurationSeconds()).isEqualTo(5400);
    assertThat(stats.getTotalDistanceMeters()).isEqualTo(25000.5);
    assertThat(stats.getTotalCalories()).isEqualTo(300);
    assertThat(stats.getAvgDurationSeconds()).isEqualTo(2700.0);
    assertThat(stats.getAvgHeartRate()).isEqualTo(141.0);
    assertThat(stats.getMaxHeartRate()).isEqualTo(182);
    assertThat(stats.getFirstSessionAt())
        .isEqualTo(OffsetDateTime.of(2026, 11, 1, 6, 0, 0, 0, UTC));
    assertThat(stats.getLastSessionAt())
        .isEqualTo(OffsetDateTime.of(2026, 11, 2, 18, 30, 0, 0, UTC));
    assertThat(stats.getActiveDays()).isEqualTo(2);
    assertThat(stats.getLongestStreakDays()).isEqualTo(2);
    assertThat(stats.getByActivity())
        .extracting(ActivityStats::getActivity, ActivityStats::getSessionCount)
        .containsExactly(tuple(Activity.CYCLING, 1L), tuple(Activity.RUNNING, 1L));

    UserSeries series =
        statistics.series(user, Bucket.MONTH, null, null, List.of(Activity.RUNNING), null);
    assertThat(series.getBucket()).isEqualTo(Bucket.MONTH);
    assertThat(series.getTz()).isEqualTo("UTC");
    assertThat(series.getItems())
        .extracting(SeriesItem::getStart, SeriesItem::getSessionCount)
        .containsExactly(tuple(LocalDate.of(2026, 11, 1), 1L));

    // The document's only bodies of a DELETE are problems, so the client accepts only
    // application/problem+json, which Stride refuses with 406 (its resources produce JSON): the
    // client is told to accept JSON as well, as a browser or curl does.
    sessions.delete(
        runId.toString(), null, Map.of("Accept", "application/json, application/problem+json"));
    assertThatThrownBy(() -> sessions.read(runId.toString()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(404);
              assertThat(e.getResponseHeaders().firstValue("Content-Type"))
                  .hasValueSatisfying(
                      type -> assertThat(type).startsWith("application/problem+json"));
            });
  }

  @Test
  void aBrokenRuleIsAProblemThatNamesTheField() {
    SessionInput tooShort =
        new SessionInput()
            .userId(user)
            .activity(Activity.YOGA)
            .startedAt(OffsetDateTime.parse("2026-11-01T07:00:00Z"))
            .durationSeconds(0);

    assertThatThrownBy(() -> sessions.record(tooShort))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(400);
              assertThat(e.getResponseBody()).contains("\"field\":\"durationSeconds\"");
            });
  }

  private static final ZoneOffset UTC = ZoneOffset.UTC;
}
