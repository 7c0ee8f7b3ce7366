package dev.stride.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.problems.ProblemException;
import dev.stride.sessions.boundary.JsonBodies;
import jakarta.json.JsonNumber;
import jakarta.ws.rs.core.Response.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {
  private static ByteArrayInputStream body(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Status statusOf(Runnable reading) {
    try {
      reading.run();
      return Status.OK;
    } catch (ProblemException e) {
      return e.status();
    }
  }

  @Test
  void readsAnObjectWithItsPropertiesInOrder() {
    var object = JsonBodies.object(body("{\"b\": 1, \"a\": [2], \"c\": null}"), 100);
    assertThat(object).containsOnlyKeys("b", "a", "c");
    assertThat(object.keySet()).containsExactly("b", "a", "c");
    assertThat(((JsonNumber) object.get("b")).intValue()).isEqualTo(1);
  }

  @Test
  void refusesWhatIsNotExactlyOneObject() {
    for (String text :
        new String[] {
          "", "[]", "1", "{} {}", "{}x", "{\"a\":1,\"a\":2}", "{\"a\":NaN}", "{'a':1}"
        }) {
      assertThat(statusOf(() -> JsonBodies.object(body(text), 100)))
          .as(text)
          .isEqualTo(Status.BAD_REQUEST);
    }
  }

  @Test
  void bodiesOverTheLimitAre413AndAtTheLimitAreRead() {
    assertThat(statusOf(() -> JsonBodies.object(body("{}   "), 5))).isEqualTo(Status.OK);
    assertThat(statusOf(() -> JsonBodies.object(body("{}    "), 5)))
        .isEqualTo(Status.REQUEST_ENTITY_TOO_LARGE);
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'};
    assertThatThrownBy(() -> JsonBodies.object(new ByteArrayInputStream(bytes), 100))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void readsAnArrayMarkingItemsThatAreNotObjects() {
    var items = JsonBodies.arrayOfObjects(body("[{\"a\":1}, 2, [3], {}]"), 100);
    assertThat(items).hasSize(4);
    assertThat(items.get(1)).isNull();
    assertThat(items.get(2)).isNull();
    assertThat(items.get(3)).isEmpty();
  }
}
