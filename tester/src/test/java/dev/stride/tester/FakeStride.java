package dev.stride.tester;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fake Stride on 127.0.0.1 for the client's tests: each endpoint answers what the test says, and
 * every request is kept. Like Stride it answers 401 to a request whose token it refuses.
 */
public final class FakeStride implements AfterEachCallback, AutoCloseable {

  /** An answer: status and JSON body. */
  public record Answer(int status, String body) {
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

  /** A request as the fake received it. */
  public record Request(String method, String path, String authorization, String body) {}

  private final HttpServer server;
  public final List<Request> received = new CopyOnWriteArrayList<>();
  public final AtomicInteger requests = new AtomicInteger();

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

  /** Starts the fake; as a {@code @RegisterExtension} field it stops after each test. */
  public FakeStride() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/api/sessions/batch", exchange -> answer(exchange, batch));
    server.createContext(
        "/api/sessions",
        exchange ->
            answer(
                exchange,
                exchange.getRequestMethod().equals("GET")
                    ? body -> list.apply(exchange.getRequestURI().getRawQuery())
                    : single));
    server.createContext(
        "/api/users",
        exchange -> answer(exchange, body -> stats.apply(exchange.getRequestURI().toString())));
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
  }

  public static int countItems(String batch) {
    return batch.split("\"id\":").length - 1;
  }

  /** The users whose sessions a request holds. */
  public static Set<String> userIdsIn(String body) {
    return Pattern.compile("\"userId\":\"([^\"]+)\"")
        .matcher(body)
        .results()
        .map(match -> match.group(1))
        .collect(Collectors.toSet());
  }

  public List<String> paths() {
    return received.stream().map(Request::path).toList();
  }

  public List<String> bodies() {
    return received.stream().map(Request::body).toList();
  }

  private void answer(HttpExchange exchange, Function<String, Answer> handler) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      requests.incrementAndGet();
      received.add(
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().toString(),
              authorization,
              body));
      Answer answer =
          refused.test(authorization)
              ? Answer.problem(401, "Unauthorized", "This request needs a valid token.")
              : handler.apply(body);
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange
          .getResponseHeaders()
          .set(
              "Content-Type",
              answer.status() >= 400 ? "application/problem+json" : "application/json");
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
