package dev.stride.access.boundary;

import dev.stride.json.JsonBodies;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
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
    String length = headers.getFirst(HttpHeaders.CONTENT_LENGTH);
    long declared;
    try {
      declared = length == null ? -1 : Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      declared = -1;
    }
    Instant now = Instant.now();
    return JsonBodies.read(body, declared, MAX_BODY_BYTES, parser -> NewToken.read(parser, now));
  }
}
