package dev.stride.sessions.boundary;

import dev.stride.problems.ProblemException;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads request bodies strictly, as the contract wants: bounded in size (413), UTF-8 that really is
 * UTF-8, one JSON value and nothing after it, no property twice in an object, no NUL or unpaired
 * surrogate in a property name. Whatever breaks that is a 400 "not valid JSON", never a 5xx.
 */
public final class JsonBodies {
  /** Looked up once: each {@code Json.create...} call searches the class path for a provider. */
  static final JsonProvider JSON = JsonProvider.provider();

  private static final JsonParserFactory PARSERS = JSON.createParserFactory(Map.of());

  private JsonBodies() {}

  /** A body that must be one JSON object: its properties in the order sent. */
  public static Map<String, JsonValue> object(InputStream body, int maxBytes) {
    try (JsonParser parser = parserOf(body, maxBytes)) {
      if (!parser.hasNext() || parser.next() != Event.START_OBJECT) {
        throw invalid("the body must be a JSON object");
      }
      Map<String, JsonValue> properties = properties(parser);
      requireEnd(parser);
      return properties;
    } catch (ProblemException e) {
      throw e;
    } catch (RuntimeException e) {
      // JsonException for what is not JSON; a plain RuntimeException from Parsson for input
      // nested deeper than its limit.
      throw invalid("the body is not valid JSON");
    }
  }

  /** A body that must be a JSON array: its items, each an object or {@code null} where not. */
  public static List<Map<String, JsonValue>> arrayOfObjects(InputStream body, int maxBytes) {
    try (JsonParser parser = parserOf(body, maxBytes)) {
      if (!parser.hasNext() || parser.next() != Event.START_ARRAY) {
        throw invalid("the body must be a JSON array of sessions");
      }
      List<Map<String, JsonValue>> items = new ArrayList<>();
      for (Event event = parser.next(); event != Event.END_ARRAY; event = parser.next()) {
        if (event == Event.START_OBJECT) {
          items.add(properties(parser));
        } else {
          parser.getValue(); // skips a nested array or object whole
          items.add(null);
        }
      }
      requireEnd(parser);
      return items;
    } catch (ProblemException e) {
      throw e;
    } catch (RuntimeException e) {
      // JsonException for what is not JSON; a plain RuntimeException from Parsson for input
      // nested deeper than its limit.
      throw invalid("the body is not valid JSON");
    }
  }

  private static Map<String, JsonValue> properties(JsonParser parser) {
    Map<String, JsonValue> properties = new LinkedHashMap<>();
    for (Event event = parser.next(); event != Event.END_OBJECT; event = parser.next()) {
      String name = parser.getString();
      if (!PlainText.Validator.isStorable(name)) {
        throw invalid("a property name contains a NUL character or an unpaired surrogate");
      }
      parser.next();
      JsonValue value = parser.getValue();
      if (properties.put(name, value) != null) {
        throw invalid("the property " + quote(name) + " appears twice");
      }
    }
    return properties;
  }

  private static void requireEnd(JsonParser parser) {
    if (parser.hasNext()) {
      throw invalid("the body has more after its JSON value");
    }
  }

  private static JsonParser parserOf(InputStream body, int maxBytes) {
    return PARSERS.createParser(new StringReader(utf8(body, maxBytes)));
  }

  /** The body as text: at most {@code maxBytes}, strictly decoded. */
  static String utf8(InputStream body, int maxBytes) {
    byte[] bytes;
    try {
      bytes = body.readNBytes(maxBytes + 1);
    } catch (IOException e) {
      throw new ProblemException(Status.BAD_REQUEST, "the body could not be read");
    }
    if (bytes.length > maxBytes) {
      throw new ProblemException(
          Status.REQUEST_ENTITY_TOO_LARGE, "the body is larger than " + maxBytes + " bytes");
    }
    if (bytes.length == 0) {
      throw invalid("the body is empty");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw invalid("the body is not valid UTF-8");
    }
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(Status.BAD_REQUEST, detail);
  }

  private static String quote(String name) {
    return JSON.createValue(name).toString();
  }
}
