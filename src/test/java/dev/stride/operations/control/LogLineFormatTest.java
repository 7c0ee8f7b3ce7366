package dev.stride.operations.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LogLineFormatTest {
  @Test
  void aJsonLineHasPayarasKeysTheRequestIdAndTheStackTrace() {
    LogRecord record = new LogRecord(Level.SEVERE, "failed for {0}");
    record.setParameters(new Object[] {"u1"});
    record.setLoggerName("dev.stride.Test");
    record.setThrown(new IllegalStateException("boom"));
    String line;
    try (RequestIds.Scope scope = RequestIds.enter("req-1")) {
      line = LogLineFormat.named("json").format(record);
    }
    assertThat(line).endsWith(System.lineSeparator());
    assertThat(line.strip()).doesNotContain("\n");
    JsonObject json = Json.createReader(new StringReader(line)).readObject();
    assertThat(json.getString("Level")).isEqualTo("SEVERE");
    assertThat(json.getString("LevelValue")).isEqualTo("1000");
    assertThat(json.getString("LoggerName")).isEqualTo("dev.stride.Test");
    assertThat(json.getString("RequestId")).isEqualTo("req-1");
    assertThat(json.getString("LogMessage")).isEqualTo("failed for u1");
    assertThat(json.getJsonObject("Throwable").getString("StackTrace"))
        .startsWith("java.lang.IllegalStateException: boom")
        .contains("LogLineFormatTest");
    assertThat(json.getString("Timestamp"))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
    assertThat(json.getString("TimeMillis")).isEqualTo(Long.toString(record.getMillis()));
  }

  @Test
  void aTextLineNamesTheRequestOnlyInsideOne() {
    LogRecord record = new LogRecord(Level.INFO, "hello");
    record.setLoggerName("x");
    assertThat(LogLineFormat.named("TEXT").format(record))
        .doesNotContain("[request")
        .contains("INFO [x]")
        .endsWith("hello" + System.lineSeparator());
    try (RequestIds.Scope scope = RequestIds.enter("abc")) {
      assertThat(LogLineFormat.named("text").format(record)).contains("[request abc] hello");
    }
  }

  @Test
  void otherFormatNamesAreNotFormats() {
    assertThat(LogLineFormat.named("xml")).isNull();
  }
}
