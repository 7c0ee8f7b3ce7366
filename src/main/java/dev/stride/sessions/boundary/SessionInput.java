package dev.stride.sessions.boundary;

import dev.stride.json.JsonBodies;
import dev.stride.problems.FieldError;
import dev.stride.sessions.entity.Activity;
import dev.stride.sessions.entity.Rfc3339;
import dev.stride.sessions.entity.Session;
import dev.stride.sessions.entity.SessionRules;
import dev.stride.sessions.entity.UserId;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A session as a client sends it. Read from the JSON object by {@link #read}, which checks the JSON
 * types (a wrong type is an error of its own, and that field is then left null); Bean Validation
 * checks the rest of the contract ({@link ValidSession}, with the rules of {@link SessionRules}).
 */
@Schema(
    name = "SessionInput",
    description =
        "A session to record. Only these properties are accepted (createdAt, updatedAt, source and any other property is a"
            + " 400); an optional"
            + " property sent as null means not given.")
@ValidSession
public record SessionInput(
    @Schema(
            description =
                "Canonical UUID chosen by the client, so that a retried POST cannot create a duplicate; assigned by the"
                    + " server when absent. Upper-case hex is accepted and returned in lower case.",
            example = "3f0c8f0e-6d2a-4c1e-9a53-2b7d0c9e4a11",
            nullable = true)
        String id,
    @Schema(
            required = true,
            description = "It " + UserId.RULE + ".",
            pattern = UserId.PATTERN,
            maxLength = UserId.MAX_LENGTH,
            example = "u1")
        String userId,
    @Schema(ref = "Activity", required = true) String activity,
    @Schema(
            required = true,
            format = "date-time",
            description =
                "RFC 3339 with an offset; it "
                    + SessionRules.TOO_EARLY
                    + " and "
                    + SessionRules.TOO_LATE
                    + ". Stored to the microsecond and returned in UTC.",
            example = "2026-11-01T07:00:00+01:00")
        String startedAt,
    @Schema(
            required = true,
            format = "int32",
            minimum = "" + SessionRules.MIN_DURATION_SECONDS,
            maximum = "" + SessionRules.MAX_DURATION_SECONDS,
            example = "1800")
        Long durationSeconds,
    @Schema(
            format = "double",
            minimum = "" + SessionRules.MIN_DISTANCE_METERS,
            maximum = "" + SessionRules.MAX_DISTANCE_METERS,
            nullable = true,
            example = "5000.0")
        Double distanceMeters,
    @Schema(
            format = "int32",
            minimum = "" + SessionRules.MIN_CALORIES,
            maximum = "" + SessionRules.MAX_CALORIES,
            nullable = true,
            example = "300")
        Long calories,
    @Schema(
            format = "int32",
            minimum = "" + SessionRules.MIN_HEART_RATE,
            maximum = "" + SessionRules.MAX_HEART_RATE,
            nullable = true,
            example = "141")
        Long avgHeartRate,
    @Schema(
            format = "int32",
            minimum = "" + SessionRules.MIN_HEART_RATE,
            maximum = "" + SessionRules.MAX_HEART_RATE,
            nullable = true,
            description = "Not below avgHeartRate when both are given.",
            example = "182")
        Long maxHeartRate,
    @Schema(
            maxLength = SessionRules.MAX_NOTES_CODE_POINTS,
            nullable = true,
            description = "It " + SessionRules.NOTES_RULE + " (Unicode code points).",
            example = "Easy run by the river")
        String notes) {

  /**
   * Declared, not implicit, so that the constraints stay on the fields: on the parameters of an
   * implicit constructor Payara's OpenAPI scanner would take them for path parameters and fail.
   */
  @SuppressWarnings("checkstyle:ParameterNumber")
  public SessionInput(
      String id,
      String userId,
      String activity,
      String startedAt,
      Long durationSeconds,
      Double distanceMeters,
      Long calories,
      Long avgHeartRate,
      Long maxHeartRate,
      String notes) {
    this.id = id;
    this.userId = userId;
    this.activity = activity;
    this.startedAt = startedAt;
    this.durationSeconds = durationSeconds;
    this.distanceMeters = distanceMeters;
    this.calories = calories;
    this.avgHeartRate = avgHeartRate;
    this.maxHeartRate = maxHeartRate;
    this.notes = notes;
  }

  /** A UUID in its canonical text form (either case). */
  static final String UUID_TEXT =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  /** The input fields in the contract's order: the order in which errors are listed. */
  static final List<String> FIELDS =
      List.of(
          "id",
          "userId",
          "activity",
          "startedAt",
          "durationSeconds",
          "distanceMeters",
          "calories",
          "avgHeartRate",
          "maxHeartRate",
          "notes");

  /**
   * The name of the property the parser has just returned, added to {@code seen}: a name given
   * twice, or with a NUL or an unpaired surrogate, is not valid JSON.
   */
  static String propertyName(JsonParser parser, Set<String> seen) {
    String name = parser.getString();
    if (!SessionRules.isStorable(name)) {
      throw JsonBodies.invalid("a property name contains a NUL character or an unpaired surrogate");
    }
    if (!seen.add(name)) {
      throw JsonBodies.invalid("the property " + JsonBodies.quote(name) + " appears twice");
    }
    return name;
  }

  /** The fields of a session that the server sets: never accepted in a request. */
  static final Set<String> SET_BY_THE_SERVER = Set.of("createdAt", "updatedAt", "source");

  /** The error of a property that is not an input field. */
  static FieldError notAccepted(String name) {
    return new FieldError(
        name,
        SET_BY_THE_SERVER.contains(name)
            ? "is set by the server and cannot be sent"
            : "is not a field of a session");
  }

  /**
   * Reads the properties of the JSON object whose START_OBJECT the parser has just returned, up to
   * its END_OBJECT. Every property that is not an input field and every value of the wrong JSON
   * type adds an error (and that field stays null); such values are skipped, never kept. A property
   * name given twice, or with a NUL or an unpaired surrogate, is not valid JSON.
   */
  static SessionInput read(JsonParser parser, List<FieldError> errors) {
    String id = null, userId = null, activity = null, startedAt = null, notes = null;
    Long durationSeconds = null, calories = null, avgHeartRate = null, maxHeartRate = null;
    Double distanceMeters = null;
    Set<String> seen = new HashSet<>();
    for (Event event = parser.next(); event != Event.END_OBJECT; event = parser.next()) {
      String name = propertyName(parser, seen);
      Event value = parser.next();
      switch (name) {
        case "id" -> id = string(parser, value, name, errors);
        case "userId" -> userId = string(parser, value, name, errors);
        case "activity" -> activity = string(parser, value, name, errors);
        case "startedAt" -> startedAt = string(parser, value, name, errors);
        case "durationSeconds" -> durationSeconds = integer(parser, value, name, errors);
        case "distanceMeters" -> distanceMeters = number(parser, value, name, errors);
        case "calories" -> calories = integer(parser, value, name, errors);
        case "avgHeartRate" -> avgHeartRate = integer(parser, value, name, errors);
        case "maxHeartRate" -> maxHeartRate = integer(parser, value, name, errors);
        case "notes" -> notes = string(parser, value, name, errors);
        default -> {
          errors.add(notAccepted(name));
          JsonBodies.skip(parser, value);
        }
      }
    }
    return new SessionInput(
        id,
        userId,
        activity,
        startedAt,
        durationSeconds,
        distanceMeters,
        calories,
        avgHeartRate,
        maxHeartRate,
        notes);
  }

  /** The session this valid input describes, with the id it carries or a new one. */
  Session toSession() {
    return new Session(
        id == null ? UUID.randomUUID() : UUID.fromString(id),
        userId,
        Activity.fromWireName(activity).orElseThrow(),
        Rfc3339.parse(startedAt).orElseThrow(),
        durationSeconds.intValue(),
        distanceMeters,
        calories == null ? null : calories.intValue(),
        avgHeartRate == null ? null : avgHeartRate.intValue(),
        maxHeartRate == null ? null : maxHeartRate.intValue(),
        notes);
  }

  static String string(JsonParser parser, Event value, String name, List<FieldError> errors) {
    if (value == Event.VALUE_NULL) {
      return null;
    }
    if (value == Event.VALUE_STRING) {
      return parser.getString();
    }
    return mistyped(parser, value, name, "must be a string", errors);
  }

  static Long integer(JsonParser parser, Event value, String name, List<FieldError> errors) {
    if (value == Event.VALUE_NULL) {
      return null;
    }
    if (value == Event.VALUE_NUMBER) {
      // An integer is written as one: 1800, not 1800.0 or 1.8e3 (whose scale is not 0).
      BigDecimal number = parser.getBigDecimal();
      if (number.scale() == 0) {
        BigInteger big = number.toBigInteger();
        // Far outside every bound, but still an integer: let the range rule name it.
        return big.bitLength() < 64 ? big.longValue() : big.signum() * Long.MAX_VALUE;
      }
    }
    return mistyped(parser, value, name, "must be an integer", errors);
  }

  static Double number(JsonParser parser, Event value, String name, List<FieldError> errors) {
    if (value == Event.VALUE_NULL) {
      return null;
    }
    if (value == Event.VALUE_NUMBER) {
      return parser.getBigDecimal().doubleValue();
    }
    return mistyped(parser, value, name, "must be a number", errors);
  }

  private static <T> T mistyped(
      JsonParser parser, Event value, String name, String rule, List<FieldError> errors) {
    errors.add(new FieldError(name, rule));
    JsonBodies.skip(parser, value);
    return null;
  }
}
