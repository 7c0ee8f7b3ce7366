package dev.stride.tester.sessions.control;

import dev.stride.tester.service.control.RequestRejectedException;
import dev.stride.tester.service.control.ServiceClient;
import dev.stride.tester.service.control.ServiceFailedException;
import dev.stride.tester.sessions.entity.BatchAnswer;
import dev.stride.tester.sessions.entity.ChangesPage;
import dev.stride.tester.sessions.entity.Recording;
import dev.stride.tester.sessions.entity.Session;
import dev.stride.tester.sessions.entity.SessionsPage;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.SyncInvoker;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/** The {@code /sessions} resource of the service. */
public final class SessionsClient {

  private static final String EXPORT = "GET /sessions (text/csv)";
  private static final String CHANGES = "GET /sessions/changes";
  private static final MediaType CSV = new MediaType("text", "csv");

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

  /** One page of {@code GET /sessions} in the query's order. */
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

  /**
   * {@code GET /sessions} as {@code text/csv}: every matching session in the query's order, handed
   * to {@code body} as it streams, never held here. A read of {@code body}'s stream that fails (the
   * answer broke off) throws {@link ServiceFailedException}; an {@link IOException} that {@code
   * body} throws is its own (e.g. the file it writes), as {@link UncheckedIOException}.
   */
  public <T> T export(SessionsQuery query, CsvBody<T> body) {
    return serviceOf
        .apply(query.userId())
        .send(
            EXPORT,
            api -> filtered(api.path("sessions"), query),
            CSV,
            SyncInvoker::get,
            response -> exported(response, body));
  }

  /** Reads the CSV body of an export. */
  @FunctionalInterface
  public interface CsvBody<T> {
    T read(InputStream csv) throws IOException;
  }

  private static <T> T exported(Response response, CsvBody<T> body) {
    if (response.getStatus() != 200) {
      throw ServiceClient.rejected(EXPORT, response);
    }
    try (response) {
      MediaType type = response.getMediaType();
      if (type == null || !type.isCompatible(CSV)) {
        throw new ServiceFailedException(EXPORT + " answered " + type + ", not " + CSV);
      }
      var stream = new BrokenOffAs(EXPORT, response.readEntity(InputStream.class));
      try {
        return body.read(stream);
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
    } catch (ProcessingException e) {
      // not to be retried: part of the answer may be written already
      throw new ServiceFailedException(EXPORT + " got an unreadable answer: " + e.getMessage(), e);
    }
  }

  /** A stream whose read errors say that the answer broke off, apart from the reader's own. */
  private static final class BrokenOffAs extends FilterInputStream {
    private final String request;
    private long read;

    BrokenOffAs(String request, InputStream in) {
      super(in);
      this.request = request;
    }

    @Override
    public int read() throws IOException {
      try {
        int b = super.read();
        read += b < 0 ? 0 : 1;
        return b;
      } catch (IOException e) {
        throw brokenOff(e);
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        int n = super.read(buffer, offset, length);
        read += Math.max(n, 0);
        return n;
      } catch (IOException e) {
        throw brokenOff(e);
      }
    }

    private ServiceFailedException brokenOff(IOException e) {
      return new ServiceFailedException(
          request + " broke off after " + read + " bytes: " + e.getMessage(), e);
    }
  }

  /**
   * One page of {@code GET /sessions/changes}: without {@code since} the position "now" and no
   * changes, with it the changes after that position.
   *
   * @throws PositionGoneException when the service answered 410: the position is older than the
   *     deletions it keeps
   * @throws RequestRejectedException when it answered another 4xx, e.g. 400 for a position it did
   *     not issue (for this {@code userId})
   */
  public ChangesPage changes(String since, String userId, int limit) {
    ChangesPage page =
        serviceOf
            .apply(userId)
            .send(
                CHANGES,
                api -> changesOf(api, since, userId, limit),
                SyncInvoker::get,
                SessionsClient::changed);
    if (page.changes() == null || page.next() == null || page.hasMore() == null) {
      throw new ServiceFailedException(CHANGES + " answered without changes, next or hasMore");
    }
    for (var change : page.changes()) {
      boolean readable =
          change != null
              && (change.upsert() && change.session() != null && change.session().id() != null
                  || change.delete() && change.id() != null);
      if (!readable) {
        throw new ServiceFailedException(CHANGES + " answered a change it cannot be: " + change);
      }
    }
    return page;
  }

  private static ChangesPage changed(Response response) {
    if (response.getStatus() == 410) {
      throw new PositionGoneException(ServiceClient.problemOf(response).summary());
    }
    return ServiceClient.expect(CHANGES, 200, ChangesPage.class).apply(response);
  }

  private static WebTarget changesOf(WebTarget api, String since, String userId, int limit) {
    WebTarget target = api.path("sessions/changes").queryParam("limit", limit);
    if (userId != null) {
      target = target.queryParam("userId", userId);
    }
    if (since != null) {
      target = target.queryParam("since", opaque(since));
    }
    return target;
  }

  private static WebTarget listed(WebTarget api, SessionsQuery query, String cursor, int limit) {
    WebTarget target = filtered(api.path("sessions"), query).queryParam("limit", limit);
    if (cursor != null) {
      target = target.queryParam("cursor", opaque(cursor));
    }
    return target;
  }

  /** The query's filters and order, the same for the JSON pages and the CSV export. */
  private static WebTarget filtered(WebTarget sessions, SessionsQuery query) {
    WebTarget target = sessions.queryParam("order", query.order().wireName());
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
    return target;
  }

  /** Percent-encoded here: Jersey would leave a '+' of an opaque cursor or position as it is. */
  private static String opaque(String token) {
    return URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  private static Recording refused(int status, Response response) {
    return new Recording(status, 0, 0, ServiceClient.problemOf(response));
  }
}
