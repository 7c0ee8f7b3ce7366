package dev.stride.sessions.boundary;

import static dev.stride.sessions.entity.SessionRules.ACTIVITY_RULE;
import static dev.stride.sessions.entity.SessionRules.CALORIES_RULE;
import static dev.stride.sessions.entity.SessionRules.DISTANCE_RULE;
import static dev.stride.sessions.entity.SessionRules.DURATION_RULE;
import static dev.stride.sessions.entity.SessionRules.HEART_RATES_IN_ORDER;
import static dev.stride.sessions.entity.SessionRules.HEART_RATE_RULE;
import static dev.stride.sessions.entity.SessionRules.MAX_CALORIES;
import static dev.stride.sessions.entity.SessionRules.MAX_DISTANCE_METERS;
import static dev.stride.sessions.entity.SessionRules.MAX_DURATION_SECONDS;
import static dev.stride.sessions.entity.SessionRules.MAX_HEART_RATE;
import static dev.stride.sessions.entity.SessionRules.MAX_NOTES_CODE_POINTS;
import static dev.stride.sessions.entity.SessionRules.MAX_START_AHEAD;
import static dev.stride.sessions.entity.SessionRules.MIN_CALORIES;
import static dev.stride.sessions.entity.SessionRules.MIN_DISTANCE_METERS;
import static dev.stride.sessions.entity.SessionRules.MIN_DURATION_SECONDS;
import static dev.stride.sessions.entity.SessionRules.MIN_HEART_RATE;
import static dev.stride.sessions.entity.SessionRules.NOTES_RULE;
import static dev.stride.sessions.entity.SessionRules.REQUIRED;
import static dev.stride.sessions.entity.SessionRules.STORABLE_TEXT_RULE;
import static dev.stride.sessions.entity.SessionRules.TOO_EARLY;
import static dev.stride.sessions.entity.SessionRules.TOO_LATE;
import static dev.stride.sessions.entity.SessionRules.UUID_RULE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.stride.problems.FieldError;
import dev.stride.sessions.SessionJson;
import dev.stride.sessions.entity.Activity;
import dev.stride.sessions.entity.Rfc3339;
import dev.stride.sessions.entity.UserId;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of the contract's session table, one row per value on either side of each bound: a
 * broken rule is named after its field with its own message, and nothing else is reported. The
 * bounds are SessionRules' constants, so the table follows them when they change.
 */
class SessionRulesTest {
  private static final Instant NOW = Instant.parse("2026-11-02T12:00:00Z");

  static Stream<Arguments> brokenRules() {
    return Stream.of(
        broken("id not a UUID", b -> b.add("id", "1234"), "id", UUID_RULE),
        broken(
            "id without dashes",
            b -> b.add("id", "3f0c8f0e6d2a4c1e9a532b7d0c9e4a11"),
            "id",
            UUID_RULE),
        broken("userId empty", b -> b.add("userId", ""), "userId", UserId.RULE),
        broken(
            "userId too long",
            b -> b.add("userId", "u".repeat(UserId.MAX_LENGTH + 1)),
            "userId",
            UserId.RULE),
        broken("userId starting with a dot", b -> b.add("userId", ".u"), "userId", UserId.RULE),
        broken("activity unknown", b -> b.add("activity", "dancing"), "activity", ACTIVITY_RULE),
        broken(
            "activity in capitals", b -> b.add("activity", "Running"), "activity", ACTIVITY_RULE),
        broken(
            "startedAt without offset",
            b -> b.add("startedAt", "2026-11-01T07:00:00"),
            "startedAt",
            Rfc3339.EXPECTED),
        broken(
            "startedAt a date",
            b -> b.add("startedAt", "2026-11-01"),
            "startedAt",
            Rfc3339.EXPECTED),
        broken(
            "startedAt February 30th",
            b -> b.add("startedAt", "2026-02-30T07:00:00Z"),
            "startedAt",
            Rfc3339.EXPECTED),
        broken(
            "startedAt before 1970",
            b -> b.add("startedAt", "1969-12-31T23:59:59.999999Z"),
            "startedAt",
            TOO_EARLY),
        broken(
            "startedAt too far ahead",
            b -> b.add("startedAt", NOW.plus(MAX_START_AHEAD).plusMillis(1).toString()),
            "startedAt",
            TOO_LATE),
        broken(
            "durationSeconds below",
            b -> b.add("durationSeconds", MIN_DURATION_SECONDS - 1),
            "durationSeconds",
            DURATION_RULE),
        broken(
            "durationSeconds above",
            b -> b.add("durationSeconds", MAX_DURATION_SECONDS + 1),
            "durationSeconds",
            DURATION_RULE),
        broken(
            "durationSeconds beyond a long",
            b -> b.add("durationSeconds", new BigDecimal("1e30").toBigInteger()),
            "durationSeconds",
            DURATION_RULE),
        broken(
            "distanceMeters below",
            b -> b.add("distanceMeters", MIN_DISTANCE_METERS - 0.001),
            "distanceMeters",
            DISTANCE_RULE),
        broken(
            "distanceMeters above",
            b -> b.add("distanceMeters", MAX_DISTANCE_METERS + 0.01),
            "distanceMeters",
            DISTANCE_RULE),
        broken(
            "calories below", b -> b.add("calories", MIN_CALORIES - 1), "calories", CALORIES_RULE),
        broken(
            "calories above", b -> b.add("calories", MAX_CALORIES + 1), "calories", CALORIES_RULE),
        broken(
            "avgHeartRate below",
            b -> b.add("avgHeartRate", MIN_HEART_RATE - 1).addNull("maxHeartRate"),
            "avgHeartRate",
            HEART_RATE_RULE),
        broken(
            "avgHeartRate above",
            b -> b.add("avgHeartRate", MAX_HEART_RATE + 1).addNull("maxHeartRate"),
            "avgHeartRate",
            HEART_RATE_RULE),
        broken(
            "maxHeartRate below",
            b -> b.addNull("avgHeartRate").add("maxHeartRate", MIN_HEART_RATE - 1),
            "maxHeartRate",
            HEART_RATE_RULE),
        broken(
            "maxHeartRate above",
            b -> b.add("maxHeartRate", MAX_HEART_RATE + 1),
            "maxHeartRate",
            HEART_RATE_RULE),
        broken(
            "maxHeartRate below avgHeartRate",
            b -> b.add("avgHeartRate", 150).add("maxHeartRate", 149),
            "maxHeartRate",
            HEART_RATES_IN_ORDER),
        broken(
            "notes too long",
            b -> b.add("notes", "n".repeat(MAX_NOTES_CODE_POINTS + 1)),
            "notes",
            NOTES_RULE),
        broken(
            "notes too long in code points",
            b -> b.add("notes", "\uD83C\uDFC3".repeat(MAX_NOTES_CODE_POINTS + 1)),
            "notes",
            NOTES_RULE),
        broken("notes with NUL", b -> b.add("notes", "a\u0000b"), "notes", STORABLE_TEXT_RULE),
        broken(
            "notes with a lone surrogate",
            b -> b.add("notes", "a\uD800b"),
            "notes",
            STORABLE_TEXT_RULE));
  }

  static Stream<Arguments> requiredFields() {
    return Stream.of("userId", "activity", "startedAt", "durationSeconds").map(Arguments::of);
  }

  static Stream<Arguments> withinTheRules() {
    List<Arguments> rows = new ArrayList<>();
    rows.add(valid("the complete session", b -> b));
    rows.add(valid("no id", b -> b.remove("id")));
    rows.add(valid("id in capitals", b -> b.add("id", "3F0C8F0E-6D2A-4C1E-9A53-2B7D0C9E4A11")));
    rows.add(valid("userId at its longest", b -> b.add("userId", "u".repeat(UserId.MAX_LENGTH))));
    rows.add(valid("userId of one digit", b -> b.add("userId", "7")));
    for (Activity activity : Activity.values()) {
      rows.add(
          valid("activity " + activity.wireName(), b -> b.add("activity", activity.wireName())));
    }
    rows.add(valid("startedAt at 1970", b -> b.add("startedAt", "1970-01-01T00:00:00Z")));
    rows.add(
        valid("startedAt at 1970 elsewhere", b -> b.add("startedAt", "1970-01-01T01:00:00+01:00")));
    rows.add(
        valid(
            "startedAt as far ahead as allowed",
            b -> b.add("startedAt", NOW.plus(MAX_START_AHEAD).toString())));
    rows.add(valid("durationSeconds lowest", b -> b.add("durationSeconds", MIN_DURATION_SECONDS)));
    rows.add(valid("durationSeconds highest", b -> b.add("durationSeconds", MAX_DURATION_SECONDS)));
    rows.add(valid("distanceMeters lowest", b -> b.add("distanceMeters", MIN_DISTANCE_METERS)));
    rows.add(valid("distanceMeters highest", b -> b.add("distanceMeters", MAX_DISTANCE_METERS)));
    rows.add(valid("calories lowest", b -> b.add("calories", MIN_CALORIES)));
    rows.add(valid("calories highest", b -> b.add("calories", MAX_CALORIES)));
    rows.add(
        valid(
            "heart rates lowest",
            b -> b.add("avgHeartRate", MIN_HEART_RATE).add("maxHeartRate", MIN_HEART_RATE)));
    rows.add(
        valid(
            "heart rates highest",
            b -> b.add("avgHeartRate", MAX_HEART_RATE).add("maxHeartRate", MAX_HEART_RATE)));
    rows.add(valid("only maxHeartRate", b -> b.addNull("avgHeartRate")));
    rows.add(
        valid(
            "notes at their longest, beyond the BMP",
            b -> b.add("notes", "\uD83C\uDFC3".repeat(MAX_NOTES_CODE_POINTS))));
    rows.add(valid("notes empty", b -> b.add("notes", "")));
    for (String optional :
        List.of("distanceMeters", "calories", "avgHeartRate", "maxHeartRate", "notes")) {
      rows.add(valid(optional + " null", b -> b.addNull(optional)));
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenRules")
  void aBrokenRuleIsNamedAfterItsFieldWithItsMessage(
      String name, UnaryOperator<JsonObjectBuilder> change, String field, String message) {
    assertThat(errorsOf(change.apply(complete()))).containsExactly(new FieldError(field, message));
  }

  @ParameterizedTest(name = "{0} missing")
  @MethodSource("requiredFields")
  void aRequiredFieldMissingOrNullIsRequired(String field) {
    List<FieldError> required = List.of(new FieldError(field, REQUIRED));
    assertThat(errorsOf(complete().remove(field))).isEqualTo(required);
    assertThat(errorsOf(complete().addNull(field))).isEqualTo(required);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withinTheRules")
  void valuesWithinTheRulesAreValid(String name, UnaryOperator<JsonObjectBuilder> change) {
    assertThat(errorsOf(change.apply(complete()))).isEmpty();
  }

  @Test
  void everyBrokenRuleIsReported() {
    JsonObjectBuilder session =
        complete()
            .remove("userId")
            .add("activity", "x")
            .add("durationSeconds", 0)
            .add("calories", MAX_CALORIES + 1)
            .add("notes", "a\u0000b");
    assertThat(errorsOf(session))
        .containsExactlyInAnyOrder(
            new FieldError("userId", REQUIRED),
            new FieldError("activity", ACTIVITY_RULE),
            new FieldError("durationSeconds", DURATION_RULE),
            new FieldError("calories", CALORIES_RULE),
            new FieldError("notes", STORABLE_TEXT_RULE));
  }

  @Test
  void theMessagesStateTheBoundsTheRulesHold() {
    assertThat(DURATION_RULE).contains("" + MIN_DURATION_SECONDS, "" + MAX_DURATION_SECONDS);
    assertThat(HEART_RATE_RULE).contains("" + MIN_HEART_RATE, "" + MAX_HEART_RATE);
    assertThat(NOTES_RULE).contains("" + MAX_NOTES_CODE_POINTS);
    assertThat(ACTIVITY_RULE)
        .endsWith(
            String.join(", ", Arrays.stream(Activity.values()).map(Activity::wireName).toList()));
  }

  /** A session within every rule, with every field given. */
  private static JsonObjectBuilder complete() {
    return SessionJson.complete("u1");
  }

  /** What is wrong with the session as JSON: its JSON types, then the rules. */
  private static List<FieldError> errorsOf(JsonObjectBuilder session) {
    List<FieldError> errors = new ArrayList<>();
    try (JsonParser parser = Json.createParser(new StringReader(session.build().toString()))) {
      parser.next();
      SessionInput input = SessionInput.read(parser, errors);
      errors.addAll(ValidSession.Validator.brokenRules(input, NOW));
    }
    return errors;
  }

  private static Arguments broken(
      String name, UnaryOperator<JsonObjectBuilder> change, String field, String message) {
    return arguments(name, change, field, message);
  }

  private static Arguments valid(String name, UnaryOperator<JsonObjectBuilder> change) {
    return arguments(name, change);
  }
}
