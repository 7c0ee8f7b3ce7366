package dev.stride.sessions.boundary;

import dev.stride.json.JsonBodies;
import dev.stride.problems.FieldError;
import dev.stride.problems.InvalidInputException;
import dev.stride.sessions.entity.Session;
import dev.stride.sessions.entity.SessionRules;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A JSON merge patch (RFC 7396) of a session, as read: the fields it sets (a JSON null removes an
 * optional field) and what was wrong with it. It is applied to the stored session by {@link
 * #applyTo}, whose result must pass the rules of POST; the errors of the patch itself and those of
 * the result are listed together.
 */
public final class SessionPatch {
  /** What the OpenAPI document shows of a patch (the class itself holds what was read). */
  @Schema(
      name = "SessionPatch",
      description =
          "A JSON merge patch (RFC 7396) of a session: any of these properties; null removes an optional one."
              + " id, userId, createdAt, updatedAt, source and unknown properties are refused, even with null or"
              + " the stored value. The patched session must pass every rule of POST.")
  record Document(
      @Schema(ref = "Activity") String activity,
      @Schema(format = "date-time", example = "2026-11-01T07:00:00+01:00") String startedAt,
      @Schema(format = "int32", example = "1800") Long durationSeconds,
      @Schema(format = "double", nullable = true, example = "5000.0") Double distanceMeters,
      @Schema(format = "int32", nullable = true) Long calories,
      @Schema(format = "int32", nullable = true) Long avgHeartRate,
      @Schema(format = "int32", nullable = true) Long maxHeartRate,
      @Schema(nullable = true, maxLength = SessionRules.MAX_NOTES_CODE_POINTS) String notes) {}

  /** The fields given, by name; a null value removes the field. */
  private final Map<String, Object> given;

  private final List<FieldError> errors;

  private SessionPatch(Map<String, Object> given, List<FieldError> errors) {
    this.given = given;
    this.errors = errors;
  }

  /**
   * Reads a patch: the body must be one JSON object. A property given twice is not valid JSON (as
   * for POST); wrong JSON types and refused properties are errors, kept for {@link #applyTo}.
   */
  static SessionPatch read(JsonParser parser) {
    if (parser.next() != Event.START_OBJECT) {
      throw JsonBodies.invalid("a merge patch of a session must be a JSON object");
    }
    Map<String, Object> given = new HashMap<>();
    List<FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Event event = parser.next(); event != Event.END_OBJECT; event = parser.next()) {
      String name = SessionInput.propertyName(parser, seen);
      Event value = parser.next();
      List<FieldError> found = new ArrayList<>();
      Object read =
          switch (name) {
            case "activity", "startedAt", "notes" ->
                SessionInput.string(parser, value, name, found);
            case "durationSeconds", "calories", "avgHeartRate", "maxHeartRate" ->
                SessionInput.integer(parser, value, name, found);
            case "distanceMeters" -> SessionInput.number(parser, value, name, found);
            default -> {
              found.add(
                  name.equals("id") || name.equals("userId")
                      ? new FieldError(name, "cannot be changed")
                      : SessionInput.notAccepted(name));
              JsonBodies.skip(parser, value);
              yield null;
            }
          };
      if (found.isEmpty()) {
        given.put(name, read);
      }
      errors.addAll(found);
    }
    return new SessionPatch(given, errors);
  }

  /**
   * The stored session with this patch applied, checked as POST checks a session; a 400 listing the
   * errors of the patch and of the result when there are any.
   */
  Session applyTo(Session stored, SessionInputs rules) {
    SessionInput merged =
        new SessionInput(
            stored.id().toString(),
            stored.userId(),
            value("activity", stored.activity().wireName()),
            value("startedAt", stored.startedAt().toString()),
            value("durationSeconds", (long) stored.durationSeconds()),
            value("distanceMeters", stored.distanceMeters()),
            value("calories", widened(stored.calories())),
            value("avgHeartRate", widened(stored.avgHeartRate())),
            value("maxHeartRate", widened(stored.maxHeartRate())),
            value("notes", stored.notes()));
    List<FieldError> found = new ArrayList<>(errors);
    rules.check(merged, found);
    if (!found.isEmpty()) {
      throw new InvalidInputException(found);
    }
    return merged.toSession();
  }

  @SuppressWarnings("unchecked")
  private <T> T value(String name, T stored) {
    return given.containsKey(name) ? (T) given.get(name) : stored;
  }

  private static Long widened(Integer value) {
    return value == null ? null : value.longValue();
  }
}
