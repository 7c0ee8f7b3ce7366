package dev.stride.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.problems.ProblemException;
import dev.stride.problems.ProblemException.Reason;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {
  private static ByteArrayInputStream body(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads one value whole, skipping what it holds: the names of an object's properties. */
  private static final Function<JsonParser, List<String>> NAMES =
      parser -> {
        List<String> names = new ArrayList<>();
        Event start = parser.next();
        if (start != Event.START_OBJECT) {
          JsonBodies.skip(parser, start);
          throw JsonBodies.invalid("not an object");
        }
        for (Event e = parser.next(); e != Event.END_OBJECT; e = parser.next()) {
          names.add(parser.getString());
          JsonBodies.skip(parser, parser.next());
        }
        return names;
      };

  /** Why the body is refused, or null when it is read. */
  private static Reason refusalOf(String text, long declared, int max) {
    try {
      JsonBodies.read(body(text), declared, max, NAMES);
      return null;
    } catch (ProblemException e) {
      return e.reason();
    }
  }

  @Test
  void readsAnObjectSkippingNestedValues() {
    assertThat(
            JsonBodies.read(
                body("{\"b\": 1, \"a\": [2, {\"x\": []}], \"c\": null}"), -1, 100, NAMES))
        .containsExactly("b", "a", "c");
  }

  @Test
  void refusesWhatIsNotExactlyOneValue() {
    for (String text :
        new String[] {"", " ", "[]", "{} {}", "{}x", "{\"a\":NaN}", "{'a':1}", "{"}) {
      assertThat(refusalOf(text, -1, 100)).as(text).isEqualTo(Reason.INVALID);
    }
  }

  @Test
  void deepNestingIsA400NotAStackOverflow() {
    String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertThat(refusalOf(deep, -1, 1 << 20)).isEqualTo(Reason.INVALID);
  }

  @Test
  void bodiesOverTheLimitAre413AndAtTheLimitAreRead() {
    assertThat(refusalOf("{}   ", -1, 5)).isNull();
    assertThat(refusalOf("{}    ", -1, 5)).isEqualTo(Reason.TOO_LARGE);
    assertThat(refusalOf("{}", 6, 5)).isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void aBodyOverTheLimitIs413EvenWhenItsStartIsNotJson() {
    assertThat(refusalOf("x" + " ".repeat(50), -1, 20)).isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void invalidUtf8IsRefusedStreamedOrReadWhole() {
    byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'};
    for (long declared : new long[] {-1, bytes.length}) {
      assertThatThrownBy(
              () -> JsonBodies.read(new ByteArrayInputStream(bytes), declared, 100, NAMES))
          .isInstanceOf(ProblemException.class)
          .hasMessageContaining("UTF-8");
    }
  }

  @Test
  void aSmallBodyReadWholeGivesTheSameValues() {
    String text = "{\"b\": 1, \"a\": [2]}";
    assertThat(JsonBodies.read(body(text), text.length(), 100, NAMES)).containsExactly("b", "a");
  }
}
