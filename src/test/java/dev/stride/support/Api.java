package dev.stride.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A client of the deployed Stride, as any HTTP client would see it. */
public final class Api {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private final URI base;
  private final String token;

  /** A client that sends the test run's admin token ({@link Tokens#admin}). */
  public Api(URI base) {
    this(base, Tokens.admin());
  }

  private Api(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  /** The same backend with another token's secret; null sends none. */
  public Api as(String secret) {
    return new Api(base, secret);
  }

  /** The backend's root, where /health, /metrics and /openapi live. */
  public URI root() {
    return base;
  }

  public Answer postJson(String path, String json) {
    return send(path, "POST", BodyPublishers.ofString(json), "application/json");
  }

  public Answer post(String path, byte[] body, String contentType) {
    return send(path, "POST", BodyPublishers.ofByteArray(body), contentType);
  }

  public Answer get(String path) {
    return send(path, "GET", BodyPublishers.noBody(), null);
  }

  /** A GET with further headers, names and values in pairs. */
  public Answer get(String path, String... headers) {
    return send(path, "GET", BodyPublishers.noBody(), null, headers);
  }

  public Answer delete(String path) {
    return send(path, "DELETE", BodyPublishers.noBody(), null);
  }

  /** Sends a request; {@code headers} are further names and values, in pairs. */
  public Answer send(
      String path, String method, BodyPublisher body, String contentType, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(20))
            .method(method, body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    boolean ownAuthorization = false;
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
      ownAuthorization |= headers[i].equalsIgnoreCase("Authorization");
    }
    if (token != null && !ownAuthorization) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      var response = HTTP.send(request.build(), BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers(),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET whose answer is bytes (an activity file), not text. */
  public BytesAnswer getBytes(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      var response = HTTP.send(request.build(), BodyHandlers.ofByteArray());
      return new BytesAnswer(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An HTTP answer of bytes. */
  public record BytesAnswer(int status, java.net.http.HttpHeaders headers, byte[] body) {
    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }

  /** Every session of a user, following the cursors. */
  public List<JsonObject> allSessionsOf(String userId) {
    List<JsonObject> sessions = new ArrayList<>();
    String cursor = null;
    do {
      Answer page =
          get(
              "/api/sessions?limit=1000&userId="
                  + userId
                  + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).isEqualTo(200);
      page.json().getJsonArray("items").forEach(item -> sessions.add(item.asJsonObject()));
      JsonValue next = page.json().get("nextCursor");
      cursor = next == JsonValue.NULL ? null : page.json().getString("nextCursor");
    } while (cursor != null);
    return sessions;
  }

  /** An HTTP answer. */
  public record Answer(
      int status, String contentType, java.net.http.HttpHeaders headers, String body) {
    public JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    /** The fields named in a problem's errors, in order. */
    public List<String> errorFields() {
      JsonArray errors = json().getJsonArray("errors");
      List<String> fields = new ArrayList<>();
      if (errors != null) {
        errors.forEach(e -> fields.add(e.asJsonObject().getString("field")));
      }
      return fields;
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + body;
    }
  }
}
