package dev.stride.access.boundary;

import dev.stride.json.JsonBodies;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;

/** Reads the body of {@code POST /api/tokens} (at most 16 KiB) into a checked {@link NewToken}. */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class NewTokenReader implements MessageBodyReader<NewToken> {
  static final int MAX_BODY_BYTES = 16 << 10;

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == NewToken.class;
  }

  @Override
  public NewToken readFrom(
      Class<NewToken> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream body) {
    Instant now = Instant.now();
    return JsonBodies.read(
        body, JsonBodies.declaredLength(headers), MAX_BODY_BYTES, p -> NewToken.read(p, now));
  }
}
