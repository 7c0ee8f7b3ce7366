package dev.stride.tester;

import static java.util.stream.Collectors.toSet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stride.tester.service.control.ServiceClient;
import dev.stride.tester.simulation.control.SessionGenerator;
import dev.stride.tester.simulation.entity.SimulationPlan;
import dev.stride.tester.statistics.control.ExpectedStatistics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fake Stride on 127.0.0.1 for the client's tests: each endpoint answers what the test says, and
 * every request is kept. Like Stride it answers 401 to a request whose token it refuses. By default
 * the token is an admin's, and {@code POST /api/tokens} mints a token whose secret is {@link
 * #secretOf} its user.
 */
public final class FakeStride implements AfterEachCallback, AutoCloseable {

  /** An answer: status, body and its media type. */
  public record Answer(int status, String body, String contentType) {

    /** A JSON body, or a problem from 400 on. */
    public Answer(int status, String body) {
      this(status, body, status >= 400 ? "application/problem+json" : "application/json");
    }

    /** A CSV export. */
    public static Answer csv(String body) {
      return new Answer(200, body, "text/csv; charset=utf-8");
    }

    public static Answer problem(int status, String title, String detail) {
      return new Answer(
          status,
          "{\"type\":\"about:blank\",\"title\":\""
              + title
              + "\",\"status\":"
              + status
              + ",\"detail\":\""
              + detail
              + "\"}");
    }
  }

  /** A file sent to {@code POST /api/sessions/import}: its raw query, media type and bytes. */
  public record Upload(String query, String contentType, byte[] body) {}

  /** A request as the fake received it. */
  public record Request(
      String method, String path, String authorization, String accept, String body) {}

  /** What {@code GET /api/me} answers for an admin token, the fake's default. */
  public static final String ADMIN =
      "{\"userId\":\"admin\",\"tokenId\":\"a1\",\"scopes\":[\"admin\"]}";

  private static final Pattern USER_ID = Pattern.compile("\"userId\":\"([^\"]+)\"");

  private final HttpServer server;
  public final List<Request> received = new CopyOnWriteArrayList<>();

  /** Which {@code Authorization} headers get a 401; by default those without a bearer token. */
  public volatile Predicate<String> refused =
      authorization -> authorization == null || !authorization.startsWith("Bearer stride_");

  public volatile Function<String, Answer> batch =
      body -> new Answer(201, "{\"created\":" + countItems(body) + ",\"existing\":0,\"ids\":[]}");
  public volatile Function<String, Answer> single = body -> new Answer(201, body);
  public volatile Function<String, Answer> stats =
      path -> Answer.problem(404, "Not Found", "no statistics here");
  public volatile Function<String, Answer> list =
      query -> new Answer(200, "{\"items\":[],\"nextCursor\":null}");

  /** {@code GET /api/sessions} with {@code Accept: text/csv}, given the raw query. */
  public volatile Function<String, Answer> csv =
      query ->
          Answer.csv(
              "id,userId,activity,startedAt,durationSeconds,distanceMeters,calories,avgHeartRate,"
                  + "maxHeartRate,notes,createdAt,updatedAt\r\n");

  /** {@code GET /api/sessions/changes}, given the raw query. */
  public volatile Function<String, Answer> changes =
      query -> Answer.problem(404, "Not Found", "no changes feed here");

  /** {@code POST /api/sessions/import}: by default a new session for every file. */
  public volatile Function<Upload, Answer> imports =
      upload -> new Answer(201, "{\"id\":\"s" + upload.body().length + "\"}");

  public final List<Upload> uploads = new CopyOnWriteArrayList<>();

  public volatile Supplier<Answer> me = () -> new Answer(200, ADMIN);
  public volatile Function<String, Answer> mint = FakeStride::minted;
  public volatile Function<String, Answer> revoke = body -> new Answer(204, "");

  /** Starts the fake; as a {@code @RegisterExtension} field it stops after each test. */
  public FakeStride() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/api/sessions/batch", exchange -> answer(exchange, batch));
    server.createContext("/api/sessions/import", this::imported);
    server.createContext(
        "/api/sessions/changes",
        exchange ->
            answer(exchange, body -> changes.apply(exchange.getRequestURI().getRawQuery())));
    server.createContext(
        "/api/sessions", exchange -> answer(exchange, body -> sessions(exchange).apply(body)));
    server.createContext(
        "/api/users",
        exchange -> answer(exchange, body -> stats.apply(exchange.getRequestURI().toString())));
    server.createContext("/api/me", exchange -> answer(exchange, body -> me.get()));
    server.createContext(
        "/api/tokens",
        exchange -> answer(exchange, exchange.getRequestMethod().equals("DELETE") ? revoke : mint));
    server.start();
  }

  private Function<String, Answer> sessions(HttpExchange exchange) {
    if (!exchange.getRequestMethod().equals("GET")) {
      return single;
    }
    String query = exchange.getRequestURI().getRawQuery();
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    return accept != null && accept.contains("text/csv")
        ? body -> csv.apply(query)
        : body -> list.apply(query);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
  }

  public static int countItems(String batch) {
    return batch.split("\"id\":").length - 1;
  }

  /** The users a request names in its body, e.g. those whose sessions it holds. */
  public static Set<String> userIdsIn(String body) {
    return USER_ID.matcher(body).results().map(match -> match.group(1)).collect(toSet());
  }

  /** The secret of the token the fake mints for a user. */
  public static String secretOf(String userId) {
    return "stride_" + (userId.replaceAll("[^A-Za-z0-9_-]", "_") + "_".repeat(43)).substring(0, 43);
  }

  /** The id of the token the fake mints for a user. */
  public static String tokenIdOf(String userId) {
    return "token-" + userId;
  }

  /** The 201 of {@code POST /api/tokens} with this body. */
  public static Answer minted(String body) {
    String userId = userIdsIn(body).iterator().next();
    return new Answer(
        201,
        "{\"id\":\""
            + tokenIdOf(userId)
            + "\",\"userId\":\""
            + userId
            + "\",\"name\":\"minted\",\"scopes\":[\"read\",\"write\"],"
            + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"expiresAt\":null,\"lastUsedAt\":null,"
            + "\"secret\":\""
            + secretOf(userId)
            + "\"}");
  }

  /**
   * Answers every user's statistics as computed from the sessions the plan generates, with {@code
   * sessionCountOffset} added to each user's session count.
   */
  public void answerStatisticsOf(SimulationPlan plan, int sessionCountOffset) {
    var generator = new SessionGenerator(plan);
    Map<String, String> byUser = new HashMap<>();
    for (int user = 0; user < plan.users(); user++) {
      var expected = new ExpectedStatistics(plan.userId(user));
      generator.sessionsOf(user).forEach(expected::record);
      var statistics = expected.statistics();
      String json = ServiceClient.toJson(statistics);
      if (sessionCountOffset != 0) {
        json =
            json.replaceFirst(
                "\"sessionCount\":" + statistics.sessionCount(),
                "\"sessionCount\":" + (statistics.sessionCount() + sessionCountOffset));
      }
      byUser.put(plan.userId(user), json);
    }
    stats =
        path -> {
          String user = path.replaceFirst("^/api/users/([^/]+)/stats.*$", "$1");
          return new Answer(200, byUser.get(user));
        };
  }

  /** The requests to paths that start with {@code prefix}, e.g. {@code /api/sessions}. */
  public List<Request> to(String prefix) {
    return received.stream().filter(request -> request.path().startsWith(prefix)).toList();
  }

  public List<String> paths() {
    return received.stream().map(Request::path).toList();
  }

  public List<String> bodies() {
    return received.stream().map(Request::body).toList();
  }

  /** Keeps the upload's bytes as they came, a binary FIT file included. */
  private void imported(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    var upload =
        new Upload(
            exchange.getRequestURI().getRawQuery(),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            body);
    uploads.add(upload);
    var replayed = new java.io.ByteArrayInputStream(body);
    exchange.setStreams(replayed, exchange.getResponseBody());
    answer(exchange, text -> imports.apply(upload));
  }

  private void answer(HttpExchange exchange, Function<String, Answer> handler) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      received.add(
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().toString(),
              authorization,
              exchange.getRequestHeaders().getFirst("Accept"),
              body));
      Answer answer =
          refused.test(authorization)
              ? Answer.problem(401, "Unauthorized", "This request needs a valid token.")
              : handler.apply(body);
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
