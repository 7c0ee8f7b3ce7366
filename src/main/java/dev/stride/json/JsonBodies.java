package dev.stride.json;

import dev.stride.problems.ProblemException;
import dev.stride.problems.ProblemException.Reason;
import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads request bodies strictly and as they stream in, as the contract wants: bounded in size
 * (413), UTF-8 that really is UTF-8, one JSON value and nothing after it. Whatever breaks that is a
 * 400 "not valid JSON", never a 5xx.
 *
 * <p>The body is never held whole: the parser reads it through a strict UTF-8 decoder and a byte
 * counter, and the caller keeps only the values it wants, so a body within the limits costs memory
 * in proportion to what is kept, not to its size. Nested values that nobody keeps are skipped event
 * by event, never built recursively (a body of 100,000 nested arrays is a 400, not a stack
 * overflow).
 */
public final class JsonBodies {
  /** Looked up once: each {@code Json.create...} call searches the class path for a provider. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final JsonParserFactory PARSERS = JSON.createParserFactory(Map.of());

  /**
   * Bodies up to this size (most single sessions) are read whole and decoded at once: a decoding
   * reader over the stream allocates 8 KiB of buffers for every request, whatever its size.
   */
  private static final int SMALL_BODY_BYTES = 16 << 10;

  private JsonBodies() {}

  /**
   * What {@code reader} makes of the body's one JSON value. A body declared or found to be longer
   * than {@code maxBytes} is a 413; one that is empty, not UTF-8 or not JSON a 400.
   *
   * @param declaredLength the Content-Length, or -1 when the body is chunked
   */
  public static <T> T read(
      InputStream body, long declaredLength, int maxBytes, Function<JsonParser, T> reader) {
    requireAtMost(declaredLength, maxBytes);
    Source source =
        declaredLength >= 0 && declaredLength <= SMALL_BODY_BYTES
            ? new Buffered(body, maxBytes)
            : new Counted(body, maxBytes);
    try (JsonParser parser = PARSERS.createParser(source.text())) {
      if (!parser.hasNext()) {
        throw invalid(source.isEmpty() ? "the body is empty" : "the body is not valid JSON");
      }
      T value = reader.apply(parser);
      if (parser.hasNext()) {
        throw invalid("the body has more after its JSON value");
      }
      return value;
    } catch (ProblemException e) {
      throw source.drainedPastLimit() ? tooLarge(maxBytes) : e;
    } catch (RuntimeException e) {
      // JsonException for what is not JSON (its cause tells a broken limit or broken UTF-8); a
      // plain RuntimeException from Parsson for input nested deeper than its limit.
      if (causedBy(e, BodyTooLarge.class) || source.drainedPastLimit()) {
        throw tooLarge(maxBytes);
      }
      if (causedBy(e, CharacterCodingException.class)) {
        throw invalid("the body is not valid UTF-8");
      }
      throw invalid(source.isEmpty() ? "the body is empty" : "the body is not valid JSON");
    }
  }

  /** The body's declared Content-Length, or -1 when there is none (chunked) or it is no number. */
  public static long declaredLength(jakarta.ws.rs.core.MultivaluedMap<String, String> headers) {
    String value = headers.getFirst(jakarta.ws.rs.core.HttpHeaders.CONTENT_LENGTH);
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** A 413 when the declared Content-Length is over the limit (-1: not declared). */
  public static void requireAtMost(long declaredLength, int maxBytes) {
    if (declaredLength > maxBytes) {
      throw tooLarge(maxBytes);
    }
  }

  /** Moves the parser past the value that {@code event} starts, without building it. */
  public static void skip(JsonParser parser, Event event) {
    if (event != Event.START_ARRAY && event != Event.START_OBJECT) {
      return;
    }
    int depth = 1;
    while (depth > 0) {
      Event next = parser.next();
      if (next == Event.START_ARRAY || next == Event.START_OBJECT) {
        depth++;
      } else if (next == Event.END_ARRAY || next == Event.END_OBJECT) {
        depth--;
      }
    }
  }

  /** A 400 for a body that breaks the rules of JSON (as the contract reads them). */
  public static ProblemException invalid(String detail) {
    return new ProblemException(Reason.INVALID, detail);
  }

  /** The name as JSON writes it, quoted and escaped, for messages. */
  public static String quote(String name) {
    return JSON.createValue(name).toString();
  }

  private static ProblemException tooLarge(int maxBytes) {
    return new ProblemException(Reason.TOO_LARGE, "the body is larger than " + maxBytes + " bytes");
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (kind.isInstance(cause)) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /** Signals that a body went past its limit while it was being read. */
  private static final class BodyTooLarge extends IOException {
    BodyTooLarge() {
      super("body over its limit", null);
    }
  }

  /** Where the parser reads a body's text from. */
  private interface Source {
    Reader text();

    boolean isEmpty();

    /** Whether the body turns out to be over the limit (a 413 comes before a 400). */
    boolean drainedPastLimit();
  }

  /** A small body, read whole (it declared its length) and decoded strictly at once. */
  private static final class Buffered implements Source {
    private final byte[] bytes;

    Buffered(InputStream body, int limit) {
      try {
        bytes = body.readNBytes(limit + 1);
      } catch (IOException e) {
        throw invalid("the body could not be read");
      }
      if (bytes.length > limit) {
        throw tooLarge(limit);
      }
    }

    @Override
    public Reader text() {
      try {
        return new StringReader(
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString());
      } catch (CharacterCodingException e) {
        throw invalid("the body is not valid UTF-8");
      }
    }

    @Override
    public boolean isEmpty() {
      return bytes.length == 0;
    }

    @Override
    public boolean drainedPastLimit() {
      return false;
    }
  }

  /**
   * A body read as it streams in, through a strict UTF-8 decoder and a byte counter that refuses to
   * read past the limit. After a 400, {@link #drainedPastLimit} reads on (at most to the limit) to
   * tell whether the body was too large as well.
   */
  private static final class Counted extends FilterInputStream implements Source {
    private final int limit;
    private long count;
    private boolean failed;

    Counted(InputStream in, int limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public Reader text() {
      return new InputStreamReader(
          this,
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    @Override
    public boolean isEmpty() {
      return count == 0;
    }

    @Override
    public int read() throws IOException {
      int b = failedIfThrown(() -> super.read());
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = failedIfThrown(() -> super.read(buffer, offset, length));
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    /** A read that failed (the client went away, or a read timed out) ends the body for good. */
    private int failedIfThrown(Read read) throws IOException {
      try {
        return read.read();
      } catch (IOException e) {
        if (!(e instanceof BodyTooLarge)) {
          failed = true;
        }
        throw e;
      }
    }

    private interface Read {
      int read() throws IOException;
    }

    private void counted(int n) throws BodyTooLarge {
      count += n;
      if (count > limit) {
        throw new BodyTooLarge();
      }
    }

    @Override
    public boolean drainedPastLimit() {
      if (failed) {
        // Reading on would wait for another read timeout (a stalled client held its thread for
        // two, 10 s) or fail again.
        return false;
      }
      try {
        byte[] buffer = new byte[8192];
        while (read(buffer, 0, buffer.length) >= 0) {
          // only counting
        }
        return false;
      } catch (BodyTooLarge e) {
        return true;
      } catch (IOException | JsonException e) {
        return false;
      }
    }
  }
}
