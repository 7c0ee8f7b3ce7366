package dev.stride.sessions.boundary;

import dev.stride.problems.FieldError;
import dev.stride.sessions.entity.Activity;
import dev.stride.sessions.entity.Rfc3339;
import dev.stride.sessions.entity.SessionRules;
import dev.stride.sessions.entity.UserId;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A session to record follows every rule of {@link SessionRules}; each broken rule is a violation
 * of its own, named after the field (the order of maxHeartRate and avgHeartRate after
 * maxHeartRate). One constraint over the whole input rather than one per rule and field: Hibernate
 * Validator's work around each constraint (paths, traversal checks) was most of the CPU of reading
 * a batch.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidSession.Validator.class)
public @interface ValidSession {
  String message() default "breaks a rule of the session resource";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidSession, SessionInput> {
    private static final Pattern UUID = Pattern.compile(SessionInput.UUID_TEXT);

    @Override
    public boolean isValid(SessionInput input, ConstraintValidatorContext context) {
      List<FieldError> broken = brokenRules(input, Instant.now());
      if (broken.isEmpty()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      for (FieldError error : broken) {
        // Messages are plain text: escape what Bean Validation would read as expressions.
        String template =
            error.message().replace("\\", "\\\\").replace("{", "\\{").replace("$", "\\$");
        context
            .buildConstraintViolationWithTemplate(template)
            .addPropertyNode(error.field())
            .addConstraintViolation();
      }
      return false;
    }

    /**
     * Every rule the input breaks, each named after its field; none when it is valid. {@code now}
     * is the server's clock, which a session may not start more than a day after.
     */
    static List<FieldError> brokenRules(SessionInput input, Instant now) {
      Violations violations = new Violations();
      if (input.id() != null && !UUID.matcher(input.id()).matches()) {
        violations.add("id", SessionRules.UUID_RULE);
      }
      if (input.userId() == null) {
        violations.add("userId", SessionRules.REQUIRED);
      } else if (!UserId.isValid(input.userId())) {
        violations.add("userId", UserId.RULE);
      }
      if (input.activity() == null) {
        violations.add("activity", SessionRules.REQUIRED);
      } else if (Activity.fromWireName(input.activity()).isEmpty()) {
        violations.add("activity", SessionRules.ACTIVITY_RULE);
      }
      checkStart(input.startedAt(), now, violations);
      if (input.durationSeconds() == null) {
        violations.add("durationSeconds", SessionRules.REQUIRED);
      } else {
        violations.unless(
            SessionRules.isBetween(
                input.durationSeconds(),
                SessionRules.MIN_DURATION_SECONDS,
                SessionRules.MAX_DURATION_SECONDS),
            "durationSeconds",
            SessionRules.DURATION_RULE);
      }
      Double distance = input.distanceMeters();
      violations.unless(
          distance == null
              || distance >= SessionRules.MIN_DISTANCE_METERS
                  && distance <= SessionRules.MAX_DISTANCE_METERS,
          "distanceMeters",
          SessionRules.DISTANCE_RULE);
      checkRange(
          input.calories(),
          SessionRules.MIN_CALORIES,
          SessionRules.MAX_CALORIES,
          "calories",
          SessionRules.CALORIES_RULE,
          violations);
      checkRange(
          input.avgHeartRate(),
          SessionRules.MIN_HEART_RATE,
          SessionRules.MAX_HEART_RATE,
          "avgHeartRate",
          SessionRules.HEART_RATE_RULE,
          violations);
      boolean maxInRange =
          checkRange(
              input.maxHeartRate(),
              SessionRules.MIN_HEART_RATE,
              SessionRules.MAX_HEART_RATE,
              "maxHeartRate",
              SessionRules.HEART_RATE_RULE,
              violations);
      if (maxInRange
          && input.avgHeartRate() != null
          && input.maxHeartRate() != null
          && input.maxHeartRate() < input.avgHeartRate()) {
        violations.add("maxHeartRate", SessionRules.HEART_RATES_IN_ORDER);
      }
      checkNotes(input.notes(), violations);
      return violations.found;
    }

    private static void checkStart(String startedAt, Instant now, Violations violations) {
      if (startedAt == null) {
        violations.add("startedAt", SessionRules.REQUIRED);
        return;
      }
      Optional<Instant> instant = Rfc3339.parse(startedAt);
      if (instant.isEmpty()) {
        violations.add("startedAt", Rfc3339.EXPECTED);
        return;
      }
      String problem = SessionRules.startProblem(instant.get(), now);
      if (problem != null) {
        violations.add("startedAt", problem);
      }
    }

    /** Whether the value is absent or in range; a violation when not. */
    private static boolean checkRange(
        Long value, long min, long max, String field, String rule, Violations violations) {
      boolean valid = value == null || SessionRules.isBetween(value, min, max);
      violations.unless(valid, field, rule);
      return valid;
    }

    private static void checkNotes(String notes, Violations violations) {
      if (notes == null) {
        return;
      }
      if (!SessionRules.isStorable(notes)) {
        violations.add("notes", SessionRules.STORABLE_TEXT_RULE);
      } else if (!SessionRules.fits(notes, SessionRules.MAX_NOTES_CODE_POINTS)) {
        violations.add("notes", SessionRules.NOTES_RULE);
      }
    }
  }

  /** The violations found, each named after its field. */
  final class Violations {
    private final List<FieldError> found = new ArrayList<>();

    void add(String field, String message) {
      found.add(new FieldError(field, message));
    }

    void unless(boolean valid, String field, String message) {
      if (!valid) {
        add(field, message);
      }
    }
  }
}
