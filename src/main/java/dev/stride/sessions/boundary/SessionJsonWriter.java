package dev.stride.sessions.boundary;

import dev.stride.answers.JsonBytes;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes sessions and pages of sessions, the answers of the busiest requests, with a JSON-P
 * generator. JSON-B's reflective binding of 50 records of 11 properties was a tenth of a list
 * request's CPU; this writes the same document: the properties in {@link SessionView}'s order, null
 * where a value was not given, instants as ISO-8601 in UTC, numbers as JSON-P writes them.
 */
public final class SessionJsonWriter {
  private SessionJsonWriter() {}

  /** A page as the bytes of its JSON answer (to be kept and sent again). */
  static byte[] bytes(SessionPage page) {
    return JsonBytes.of(256 + 320 * page.items().size(), json -> writePage(json, page));
  }

  /** The session as the bytes of its JSON answer (for an ETag of exactly what is sent). */
  static byte[] bytes(SessionView session) {
    return JsonBytes.of(384, json -> write(json.writeStartObject(), session));
  }

  /**
   * A writer typed on the answer it writes: Jersey picks the writer of the most specific type, so
   * these win over JSON-B's writer of any object.
   */
  public abstract static class Writer<T> implements MessageBodyWriter<T> {
    private final Class<T> type;

    Writer(Class<T> type) {
      this.type = type;
    }

    @Override
    public boolean isWriteable(
        Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
      return type == this.type;
    }

    @Override
    public void writeTo(
        T answer,
        Class<?> type,
        Type genericType,
        Annotation[] annotations,
        MediaType mediaType,
        MultivaluedMap<String, Object> headers,
        OutputStream body)
        throws IOException {
      body.write(JsonBytes.of(512, json -> write(json, answer)));
    }

    abstract void write(JsonGenerator json, T answer);
  }

  /** Writes one session. */
  @Provider
  @Produces(MediaType.APPLICATION_JSON)
  public static final class OfSession extends Writer<SessionView> {
    public OfSession() {
      super(SessionView.class);
    }

    @Override
    void write(JsonGenerator json, SessionView session) {
      SessionJsonWriter.write(json.writeStartObject(), session);
    }
  }

  /** Writes a page of sessions. */
  @Provider
  @Produces(MediaType.APPLICATION_JSON)
  public static final class OfPage extends Writer<SessionPage> {
    public OfPage() {
      super(SessionPage.class);
    }

    @Override
    void write(JsonGenerator json, SessionPage page) {
      writePage(json, page);
    }
  }

  private static void writePage(JsonGenerator json, SessionPage page) {
    json.writeStartObject().writeStartArray("items");
    page.items().forEach(session -> write(json.writeStartObject(), session));
    json.writeEnd();
    nullable(json, "nextCursor", page.nextCursor());
    json.writeEnd();
  }

  static void write(JsonGenerator json, SessionView session) {
    json.write("id", session.id())
        .write("userId", session.userId())
        .write("activity", session.activity())
        .write("startedAt", session.startedAt().toString())
        .write("durationSeconds", session.durationSeconds());
    if (session.distanceMeters() == null) {
      json.writeNull("distanceMeters");
    } else {
      json.write("distanceMeters", session.distanceMeters());
    }
    nullable(json, "calories", session.calories());
    nullable(json, "avgHeartRate", session.avgHeartRate());
    nullable(json, "maxHeartRate", session.maxHeartRate());
    nullable(json, "notes", session.notes());
    nullable(json, "createdAt", text(session.createdAt()));
    nullable(json, "updatedAt", text(session.updatedAt()));
    if (session.source() == null) {
      json.writeNull("source");
    } else {
      json.writeStartObject("source")
          .write("format", session.source().format())
          .write("sha256", session.source().sha256())
          .write("samples", session.source().samples())
          .writeEnd();
    }
    json.writeEnd();
  }

  private static String text(java.time.Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static void nullable(JsonGenerator json, String name, Integer value) {
    if (value == null) {
      json.writeNull(name);
    } else {
      json.write(name, value);
    }
  }

  private static void nullable(JsonGenerator json, String name, String value) {
    if (value == null) {
      json.writeNull(name);
    } else {
      json.write(name, value);
    }
  }
}
