package dev.stride.tester.service.control;

import dev.stride.tester.access.entity.Bearer;
import dev.stride.tester.measurement.control.Measurements;
import dev.stride.tester.service.entity.Problem;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.jersey.jsonb.JsonBindingFeature;

/**
 * One Jakarta REST client for a whole run. Every request goes through {@link #send}, which adds the
 * token, measures the request and retries network errors and 5xx answers with exponential backoff
 * and jitter. Retrying a POST is safe because every session carries its client-chosen id.
 */
public final class ServiceClient implements AutoCloseable {

  static {
    // HttpURLConnection keeps only 5 idle connections per host unless told otherwise
    if (System.getProperty("http.maxConnections") == null) {
      System.setProperty("http.maxConnections", "512");
    }
  }

  /** Jersey warns about optional providers it does not find (e.g. jakarta.activation). */
  private static final Logger JERSEY_LOG = quiet(Logger.getLogger("org.glassfish.jersey"));

  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final URI baseUrl;
  private final Client client;
  private final WebTarget api;
  private final int retries;
  private final Duration backoff;
  private final Measurements measurements;
  private final Bearer bearer;

  public ServiceClient(
      URI baseUrl, Bearer bearer, Duration timeout, int retries, Duration backoff) {
    this.baseUrl = baseUrl;
    this.retries = retries;
    this.backoff = backoff;
    this.client =
        ClientBuilder.newBuilder()
            .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .register(JsonBindingFeature.class)
            .build();
    this.api = client.target(baseUrl);
    this.measurements = new Measurements();
    this.bearer = bearer;
  }

  private ServiceClient(ServiceClient connection, Bearer bearer, Measurements measurements) {
    this.baseUrl = connection.baseUrl;
    this.retries = connection.retries;
    this.backoff = connection.backoff;
    this.client = connection.client;
    this.api = connection.api;
    this.measurements = measurements;
    this.bearer = bearer;
  }

  /**
   * A client that sends with another token over this one's connection, with the same retries and
   * measurements; closing either closes both. The token goes into each request rather than into a
   * target of its own, because Jersey builds a whole runtime for every differently configured
   * target, which a thousand users' tokens would make a thousand times.
   */
  public ServiceClient with(Bearer other) {
    return new ServiceClient(this, other, measurements);
  }

  /**
   * This client with measurements of its own, for the requests that prepare a run (whom the token
   * acts for, the users' tokens): they are not the load the run measures.
   */
  public ServiceClient measuredApart() {
    return new ServiceClient(this, bearer, new Measurements());
  }

  public Measurements measurements() {
    return measurements;
  }

  /**
   * Sends a request to {@code target} (below the API root) with {@code method}, as JSON and with
   * this client's token, retrying network errors and 5xx answers, and hands an answer below 500 but
   * 401 to {@code answer}, which reads and closes it. The latency measured includes reading the
   * answer.
   *
   * @throws TokenRefusedException when the service answered 401, never retried
   * @throws ServiceUnreachableException when the last attempt got no answer
   * @throws ServiceFailedException when the last attempt was answered with 5xx
   */
  public <T> T send(
      String request,
      Function<WebTarget, WebTarget> target,
      Function<Invocation.Builder, Response> method,
      Function<Response, T> answer) {
    return send(request, target, MediaType.APPLICATION_JSON_TYPE, method, answer);
  }

  /**
   * {@link #send(String, Function, Function, Function)} asking for an answer of media type {@code
   * accept}, e.g. {@code text/csv}. An {@code answer} that reads a stream must not let a {@link
   * ProcessingException} out: the request would be sent again after part of the answer was written
   * somewhere.
   */
  public <T> T send(
      String request,
      Function<WebTarget, WebTarget> target,
      MediaType accept,
      Function<Invocation.Builder, Response> method,
      Function<Response, T> answer) {
    for (int attempt = 0; ; attempt++) {
      boolean last = attempt >= retries;
      long start = System.nanoTime();
      try {
        Response response =
            method.apply(
                target
                    .apply(api)
                    .request(accept)
                    .header(HttpHeaders.AUTHORIZATION, bearer.secret().authorization()));
        int status = response.getStatus();
        if (status < 500) {
          try {
            if (status == Response.Status.UNAUTHORIZED.getStatusCode()) {
              response.close();
              throw new TokenRefusedException(bearer.refusal());
            }
            return answer.apply(response);
          } finally {
            measurements.answered(status, System.nanoTime() - start);
          }
        }
        String problem = problemOf(response).summary();
        measurements.answered(status, System.nanoTime() - start);
        if (last) {
          throw new ServiceFailedException(
              request + " answered " + status + " " + problem + attempts(attempt), status);
        }
      } catch (ProcessingException e) {
        if (!isNetworkError(e)) {
          throw new ServiceFailedException(
              request + " got an unreadable answer: " + rootMessage(e), e);
        }
        measurements.failed();
        if (last) {
          throw new ServiceUnreachableException(
              "cannot reach " + baseUrl + ": " + rootMessage(e) + attempts(attempt), e);
        }
      }
      pause(attempt);
    }
  }

  /** Reads the problem of a 4xx or 5xx answer, whatever its body is, and closes the answer. */
  public static Problem problemOf(Response response) {
    try (response) {
      String body = response.hasEntity() ? response.readEntity(String.class) : "";
      Problem problem = body.isBlank() ? null : JSONB.fromJson(body, Problem.class);
      if (problem != null) {
        return problem;
      }
    } catch (JsonbException | ProcessingException e) {
      // not a problem document (e.g. a proxy's HTML page): fall back to the status line
    }
    var statusInfo = response.getStatusInfo();
    return new Problem(null, statusInfo.getReasonPhrase(), response.getStatus(), null, null);
  }

  /** Throws the problem of a 4xx answer, closing it. */
  public static RequestRejectedException rejected(String request, Response response) {
    return new RequestRejectedException(request, response.getStatus(), problemOf(response));
  }

  /**
   * Reads an answer of status {@code expected} as {@code type}; any other status is the rejection
   * of its problem.
   */
  public static <T> Function<Response, T> expect(String request, int expected, Class<T> type) {
    return response -> {
      if (response.getStatus() != expected) {
        throw rejected(request, response);
      }
      try (response) {
        T answer = response.readEntity(type);
        if (answer == null) {
          throw new ServiceFailedException(request + " answered an empty body");
        }
        return answer;
      }
    };
  }

  public static <T> T fromJson(String json, Class<T> type) {
    return JSONB.fromJson(json, type);
  }

  public static String toJson(Object value) {
    return JSONB.toJson(value);
  }

  private static Logger quiet(Logger logger) {
    logger.setLevel(Level.SEVERE);
    return logger;
  }

  private void pause(int attempt) {
    long base = backoff.toMillis() << Math.min(attempt, 20);
    long millis = Math.min(MAX_BACKOFF.toMillis(), base);
    millis = millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceUnreachableException("interrupted while waiting to retry", e);
    }
  }

  private static String attempts(int attempt) {
    return attempt == 0 ? "" : " (after " + (attempt + 1) + " attempts)";
  }

  private static boolean isNetworkError(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }

  @Override
  public void close() {
    client.close();
  }
}
