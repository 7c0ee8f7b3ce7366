package dev.stride.operations.control;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One log record, one line: readable text, or a JSON object for a log collector ({@code
 * STRIDE_LOG_FORMAT=json}, the container's default). Either way the line names the request the
 * thread was working for ({@link RequestIds}), so a request can be followed from Nginx's access log
 * into the backend's. The JSON keys are those of Payara's own JSONLogFormatter (which writes the
 * lines of Payara's start, before Stride is deployed), plus {@code RequestId}: one schema for the
 * whole log. A stack trace is part of its line (JSON) or follows it (text).
 */
public final class LogLineFormat extends Formatter {
  private static final JsonGeneratorFactory JSON =
      JsonProvider.provider().createGeneratorFactory(Map.of());

  private static final DateTimeFormatter PAYARA_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  private final boolean json;

  private LogLineFormat(boolean json) {
    this.json = json;
  }

  /** {@code json} or {@code text}; anything else is null. */
  public static LogLineFormat named(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "json" -> new LogLineFormat(true);
      case "text" -> new LogLineFormat(false);
      default -> null;
    };
  }

  @Override
  public String format(LogRecord record) {
    String message = formatMessage(record);
    String requestId = RequestIds.current();
    String thread = Thread.currentThread().getName(); // handlers format on the logging thread
    return json
        ? json(record, message, requestId, thread)
        : text(record, message, requestId, thread);
  }

  private static String text(LogRecord record, String message, String requestId, String thread) {
    StringBuilder line =
        new StringBuilder(160)
            .append(record.getInstant())
            .append(' ')
            .append(record.getLevel().getName())
            .append(" [")
            .append(record.getLoggerName())
            .append("] [")
            .append(thread)
            .append(']');
    if (requestId != null) {
      line.append(" [request ").append(requestId).append(']');
    }
    line.append(' ').append(message).append(System.lineSeparator());
    if (record.getThrown() != null) {
      line.append(stackTrace(record.getThrown()));
    }
    return line.toString();
  }

  private static String json(LogRecord record, String message, String requestId, String thread) {
    StringWriter out = new StringWriter(256);
    Instant time = record.getInstant();
    try (JsonGenerator line = JSON.createGenerator(out)) {
      // Values as Payara writes them: strings, the time with milliseconds and a +0000 offset.
      line.writeStartObject()
          .write("Timestamp", PAYARA_TIME.format(time))
          .write("Level", record.getLevel().getName())
          .write("LoggerName", record.getLoggerName() == null ? "" : record.getLoggerName())
          .write("ThreadID", Long.toString(record.getLongThreadID()))
          .write("ThreadName", thread)
          .write("TimeMillis", Long.toString(time.toEpochMilli()))
          .write("LevelValue", Integer.toString(record.getLevel().intValue()));
      if (requestId != null) {
        line.write("RequestId", requestId);
      }
      line.write("LogMessage", message == null ? "" : message);
      if (record.getThrown() != null) {
        line.writeStartObject("Throwable")
            .write("Exception", record.getThrown().toString())
            .write("StackTrace", stackTrace(record.getThrown()))
            .writeEnd();
      }
      line.writeEnd();
    }
    return out.append(System.lineSeparator()).toString();
  }

  private static String stackTrace(Throwable thrown) {
    StringWriter trace = new StringWriter(1024);
    thrown.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
