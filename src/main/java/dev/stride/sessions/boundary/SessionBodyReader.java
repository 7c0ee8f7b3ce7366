package dev.stride.sessions.boundary;

import dev.stride.json.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

/**
 * Reads the bodies that record sessions, as they stream in, into what the resource methods take: a
 * {@link SessionInput} (POST /api/sessions, at most 1 MiB) or a {@code List<SessionInput>} (a
 * batch: at most 8 MiB and 1000 items). Whatever reaches a method is valid; anything else is a 400
 * listing every invalid field, or a 413.
 *
 * <p>Each reader is typed on what it reads, so that Jersey prefers it to JSON-B's reader of any
 * object. A batch is read only when its size fits in the {@link BatchBodyBudget}: bodies within the
 * limits must not be able to exhaust the heap together.
 */
public final class SessionBodyReader {
  /** The largest body of one session (1 MiB): a body of exactly this size is accepted. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  /** The largest body of a batch (8 MiB). */
  public static final int MAX_BATCH_BODY_BYTES = 8 << 20;

  /** The most sessions in one batch. */
  public static final int MAX_BATCH_SIZE = 1000;

  private SessionBodyReader() {}

  /** Reads the body of POST /api/sessions. */
  @Provider
  @Consumes(MediaType.APPLICATION_JSON)
  public static class OfSession implements MessageBodyReader<SessionInput> {
    @Inject SessionInputs inputs;

    @Override
    public boolean isReadable(
        Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
      return type == SessionInput.class;
    }

    @Override
    public SessionInput readFrom(
        Class<SessionInput> type,
        Type genericType,
        Annotation[] annotations,
        MediaType mediaType,
        MultivaluedMap<String, String> headers,
        InputStream body) {
      return JsonBodies.read(body, JsonBodies.declaredLength(headers), MAX_BODY_BYTES, inputs::one);
    }
  }

  /** Reads the body of POST /api/sessions/batch. */
  @Provider
  @Consumes(MediaType.APPLICATION_JSON)
  public static class OfBatch implements MessageBodyReader<List<SessionInput>> {
    @Inject SessionInputs inputs;
    @Inject BatchBodyBudget budget;

    @Override
    public boolean isReadable(
        Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
      return type == List.class
          && genericType instanceof ParameterizedType list
          && list.getActualTypeArguments()[0] == SessionInput.class;
    }

    @Override
    public List<SessionInput> readFrom(
        Class<List<SessionInput>> type,
        Type genericType,
        Annotation[] annotations,
        MediaType mediaType,
        MultivaluedMap<String, String> headers,
        InputStream body) {
      long length = JsonBodies.declaredLength(headers);
      JsonBodies.requireAtMost(length, MAX_BATCH_BODY_BYTES);
      long reserved = length < 0 ? MAX_BATCH_BODY_BYTES : length;
      budget.reserve(reserved);
      try {
        return JsonBodies.read(
            body, length, MAX_BATCH_BODY_BYTES, parser -> inputs.batch(parser, MAX_BATCH_SIZE));
      } finally {
        budget.release(reserved);
      }
    }
  }
}
