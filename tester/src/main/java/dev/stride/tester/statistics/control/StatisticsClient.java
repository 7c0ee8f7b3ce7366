package dev.stride.tester.statistics.control;

import dev.stride.tester.service.control.InParallel;
import dev.stride.tester.service.control.ServiceClient;
import dev.stride.tester.statistics.entity.Bucket;
import dev.stride.tester.statistics.entity.StatisticsSeries;
import dev.stride.tester.statistics.entity.UserStatistics;
import jakarta.ws.rs.client.SyncInvoker;
import jakarta.ws.rs.client.WebTarget;
import java.util.List;
import java.util.function.Function;

/** The {@code /users/{userId}/stats} resources of the service. */
public final class StatisticsClient {

  private final Function<String, ServiceClient> serviceOf;

  /** Sends every request with this client's token. */
  public StatisticsClient(ServiceClient service) {
    this(userId -> service);
  }

  /** Asks for a user's statistics with the client {@code serviceOf} gives for that user. */
  public StatisticsClient(Function<String, ServiceClient> serviceOf) {
    this.serviceOf = serviceOf;
  }

  public UserStatistics statisticsOf(String userId, StatisticsQuery query) {
    String request = "GET /users/" + userId + "/stats";
    return fetch(userId, request, UserStatistics.class, api -> filtered(stats(api, userId), query));
  }

  public StatisticsSeries seriesOf(String userId, Bucket bucket, StatisticsQuery query) {
    String request = "GET /users/" + userId + "/stats/series";
    return fetch(
        userId,
        request,
        StatisticsSeries.class,
        api ->
            filtered(stats(api, userId).path("series"), query)
                .queryParam("bucket", bucket.wireName()));
  }

  /** The statistics of many users, {@code concurrency} requests at a time, in the users' order. */
  public List<UserStatistics> statisticsOf(
      List<String> userIds, StatisticsQuery query, int concurrency) {
    return InParallel.map(userIds, userId -> statisticsOf(userId, query), concurrency);
  }

  public List<StatisticsSeries> seriesOf(
      List<String> userIds, Bucket bucket, StatisticsQuery query, int concurrency) {
    return InParallel.map(userIds, userId -> seriesOf(userId, bucket, query), concurrency);
  }

  private static WebTarget stats(WebTarget api, String userId) {
    return api.path("users").path(userId).path("stats");
  }

  private static WebTarget filtered(WebTarget target, StatisticsQuery query) {
    if (query.from() != null) {
      target = target.queryParam("from", query.from().toString());
    }
    if (query.to() != null) {
      target = target.queryParam("to", query.to().toString());
    }
    for (var activity : query.activities()) {
      target = target.queryParam("activity", activity.wireName());
    }
    if (query.tz() != null) {
      target = target.queryParam("tz", query.tz());
    }
    return target;
  }

  private <T> T fetch(
      String userId, String request, Class<T> type, Function<WebTarget, WebTarget> target) {
    return serviceOf
        .apply(userId)
        .send(request, target, SyncInvoker::get, ServiceClient.expect(request, 200, type));
  }
}
