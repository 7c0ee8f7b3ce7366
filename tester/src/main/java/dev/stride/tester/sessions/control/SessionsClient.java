package dev.stride.tester.sessions.control;

import dev.stride.tester.service.control.ServiceClient;
import dev.stride.tester.service.control.ServiceFailedException;
import dev.stride.tester.sessions.entity.BatchAnswer;
import dev.stride.tester.sessions.entity.Recording;
import dev.stride.tester.sessions.entity.Session;
import dev.stride.tester.sessions.entity.SessionsPage;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.SyncInvoker;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/** The {@code /sessions} resource of the service. */
public final class SessionsClient {

  private final Function<String, ServiceClient> serviceOf;

  /** Sends every request with this client's token. */
  public SessionsClient(ServiceClient service) {
    this(userId -> service);
  }

  /**
   * Sends the requests of a user with the client {@code serviceOf} gives for them, e.g. one with
   * the user's own token; {@code null} stands for a request that names no user.
   */
  public SessionsClient(Function<String, ServiceClient> serviceOf) {
    this.serviceOf = serviceOf;
  }

  /** {@code POST /sessions}: 201 when stored now, 200 when it was stored already. */
  public Recording record(Session session) {
    byte[] json = SessionJson.of(session);
    return serviceOf
        .apply(session.userId())
        .send(
            "POST /sessions",
            api -> api.path("sessions"),
            request -> request.post(Entity.entity(json, MediaType.APPLICATION_JSON_TYPE)),
            SessionsClient::recorded);
  }

  private static Recording recorded(Response response) {
    int status = response.getStatus();
    if (status != 200 && status != 201) {
      return refused(status, response);
    }
    try (response) {
      response.readEntity(byte[].class);
    }
    return new Recording(status, status == 201 ? 1 : 0, status == 200 ? 1 : 0, null);
  }

  /** {@code POST /sessions/batch} of one user's sessions: all stored, or none. */
  public Recording recordBatch(List<Session> sessions) {
    String userId = sessions.get(0).userId();
    if (!sessions.stream().allMatch(session -> session.userId().equals(userId))) {
      throw new IllegalArgumentException("a batch is sent as one user: it holds their sessions");
    }
    byte[] json = SessionJson.ofBatch(sessions);
    return serviceOf
        .apply(userId)
        .send(
            "POST /sessions/batch",
            api -> api.path("sessions/batch"),
            request -> request.post(Entity.entity(json, MediaType.APPLICATION_JSON_TYPE)),
            SessionsClient::recordedBatch);
  }

  private static Recording recordedBatch(Response response) {
    int status = response.getStatus();
    if (status != 200 && status != 201) {
      return refused(status, response);
    }
    BatchAnswer answer;
    try (response) {
      answer = response.readEntity(BatchAnswer.class);
    }
    if (answer == null || answer.created() == null || answer.existing() == null) {
      throw new ServiceFailedException("POST /sessions/batch answered without created/existing");
    }
    return new Recording(status, answer.created(), answer.existing(), null);
  }

  /** One page of {@code GET /sessions}, oldest first. */
  public SessionsPage list(SessionsQuery query, String cursor, int limit) {
    SessionsPage page =
        serviceOf
            .apply(query.userId())
            .send(
                "GET /sessions",
                api -> listed(api, query, cursor, limit),
                SyncInvoker::get,
                ServiceClient.expect("GET /sessions", 200, SessionsPage.class));
    if (page.items() == null) {
      throw new ServiceFailedException("GET /sessions answered without items");
    }
    return page;
  }

  private static WebTarget listed(WebTarget api, SessionsQuery query, String cursor, int limit) {
    WebTarget target = api.path("sessions").queryParam("order", "asc");
    target = target.queryParam("limit", limit);
    if (query.userId() != null) {
      target = target.queryParam("userId", query.userId());
    }
    for (var activity : query.activities()) {
      target = target.queryParam("activity", activity.wireName());
    }
    if (query.from() != null) {
      target = target.queryParam("from", query.from().toString());
    }
    if (query.to() != null) {
      target = target.queryParam("to", query.to().toString());
    }
    if (cursor != null) {
      // percent-encoded here: Jersey would leave a '+' of the opaque cursor as it is
      target = target.queryParam("cursor", URLEncoder.encode(cursor, StandardCharsets.UTF_8));
    }
    return target;
  }

  private static Recording refused(int status, Response response) {
    return new Recording(status, 0, 0, ServiceClient.problemOf(response));
  }
}
