package dev.stride.tester.bench.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * An HTTP server on 127.0.0.1 that takes {@code POST /api/sessions} and {@code POST
 * /api/sessions/batch} like the service but stores nothing: it counts the sessions of a batch while
 * reading it and answers {@code 201} at once. Like the service it answers 401 to a request without
 * a bearer token, but it takes any token, and {@code GET /api/me} says it is an admin's.
 */
public final class SessionSink implements AutoCloseable {

  /** A token of the right shape for the runs against the sink, which takes any. */
  public static final String TOKEN = "stride_" + "sink".repeat(11);

  private final HttpServer server;
  private final ExecutorService handlers;
  private final LongAdder sessions = new LongAdder();
  private final LongAdder requests = new LongAdder();

  public SessionSink(int port) {
    // answer headers and body without waiting for the client's delayed ACK (Nagle)
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
    handlers = Executors.newFixedThreadPool(4);
    server.setExecutor(handlers);
    server.createContext("/api/sessions/batch", this::batch);
    server.createContext("/api/sessions", this::single);
    server.createContext("/api/me", SessionSink::me);
    server.start();
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
  }

  public long sessions() {
    return sessions.sum();
  }

  public long requests() {
    return requests.sum();
  }

  private void batch(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (refused(exchange)) {
        return;
      }
      int count = countObjects(exchange.getRequestBody());
      requests.increment();
      sessions.add(count);
      answer(exchange, 201, "{\"created\":" + count + ",\"existing\":0,\"ids\":[]}");
    }
  }

  private void single(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (refused(exchange)) {
        return;
      }
      exchange.getRequestBody().transferTo(OutputStreamSink.INSTANCE);
      requests.increment();
      sessions.increment();
      answer(exchange, 201, "{}");
    }
  }

  private static void me(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!refused(exchange)) {
        answer(exchange, 200, "{\"userId\":\"sink\",\"tokenId\":\"sink\",\"scopes\":[\"admin\"]}");
      }
    }
  }

  /** Answers 401 to a request without a bearer token, as the service would. */
  private static boolean refused(HttpExchange exchange) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization != null && authorization.startsWith("Bearer stride_")) {
      return false;
    }
    exchange.getRequestBody().transferTo(OutputStreamSink.INSTANCE);
    answer(exchange, 401, "{\"status\":401,\"title\":\"Unauthorized\"}");
    return true;
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  /** The number of objects directly inside the top-level JSON array. */
  static int countObjects(InputStream body) throws IOException {
    byte[] buffer = new byte[1 << 16];
    int depth = 0;
    int objects = 0;
    boolean inString = false;
    boolean escaped = false;
    for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
      for (int i = 0; i < read; i++) {
        byte b = buffer[i];
        if (inString) {
          if (escaped) {
            escaped = false;
          } else if (b == '\\') {
            escaped = true;
          } else if (b == '"') {
            inString = false;
          }
        } else if (b == '"') {
          inString = true;
        } else if (b == '{' || b == '[') {
          if (b == '{' && depth == 1) {
            objects++;
          }
          depth++;
        } else if (b == '}' || b == ']') {
          depth--;
        }
      }
    }
    return objects;
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }

  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
