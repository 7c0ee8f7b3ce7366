package dev.stride.tester.bench.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SessionSinkTest {

  static int count(String json) throws IOException {
    return SessionSink.countObjects(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void countsTheObjectsOfTheTopLevelArray() throws IOException {
    assertThat(count("[]")).isZero();
    assertThat(count("[{\"a\":1},{\"b\":{\"c\":[{}]}}]")).isEqualTo(2);
    assertThat(count("[{\"notes\":\"{not an object} \\\" {\"}]")).isEqualTo(1);
  }
}
