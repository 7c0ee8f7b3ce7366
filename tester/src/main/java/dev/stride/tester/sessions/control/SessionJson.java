package dev.stride.tester.sessions.control;

import dev.stride.tester.sessions.entity.Session;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes sessions as the JSON the service accepts. Written by hand instead of through JSON-B: it is
 * the tester's hot path, and a session has a fixed, flat shape. Optional values that are not given
 * are left out.
 */
public final class SessionJson {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private SessionJson() {}

  public static byte[] of(Session session) {
    return text(session).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A JSON array of the sessions. Each session is encoded on its own, so that one note outside
   * Latin-1 does not turn the text of the whole batch into UTF-16.
   */
  public static byte[] ofBatch(List<Session> sessions) {
    var json = new ByteArrayOutputStream(240 * sessions.size() + 2);
    json.write('[');
    for (int i = 0; i < sessions.size(); i++) {
      if (i > 0) {
        json.write(',');
      }
      json.writeBytes(text(sessions.get(i)).getBytes(StandardCharsets.UTF_8));
    }
    json.write(']');
    return json.toByteArray();
  }

  static String text(Session session) {
    var json = new StringBuilder(256);
    append(json, session);
    return json.toString();
  }

  static void append(StringBuilder json, Session session) {
    json.append("{\"id\":\"").append(session.id()).append("\",\"userId\":");
    string(json, session.userId());
    json.append(",\"activity\":\"").append(session.activity().wireName());
    json.append("\",\"startedAt\":\"");
    UtcTimestamps.append(json, session.startedAt()).append('"');
    json.append(",\"durationSeconds\":").append(session.durationSeconds());
    if (session.distanceMeters() != null) {
      json.append(",\"distanceMeters\":").append(session.distanceMeters().doubleValue());
    }
    if (session.calories() != null) {
      json.append(",\"calories\":").append(session.calories().intValue());
    }
    if (session.avgHeartRate() != null) {
      json.append(",\"avgHeartRate\":").append(session.avgHeartRate().intValue());
    }
    if (session.maxHeartRate() != null) {
      json.append(",\"maxHeartRate\":").append(session.maxHeartRate().intValue());
    }
    if (session.notes() != null) {
      json.append(",\"notes\":");
      string(json, session.notes());
    }
    json.append('}');
  }

  static void string(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
