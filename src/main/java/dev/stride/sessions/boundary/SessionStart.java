package dev.stride.sessions.boundary;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a session may start: an RFC 3339 date-time, not before 1970 and not more than 24 hours after
 * the server's clock (a watch in a time zone ahead, not a typo in the year).
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SessionStart.Validator.class)
public @interface SessionStart {
  String message() default Rfc3339.EXPECTED;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  Duration MAX_AHEAD = Duration.ofHours(24);

  class Validator implements ConstraintValidator<SessionStart, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      Optional<Instant> instant = Rfc3339.parse(value);
      String problem = null;
      if (instant.isEmpty()) {
        problem = Rfc3339.EXPECTED;
      } else if (instant.get().isBefore(Instant.EPOCH)) {
        problem = "must not be before 1970-01-01T00:00:00Z";
      } else if (instant.get().isAfter(Instant.now().plus(MAX_AHEAD))) {
        problem = "must not be more than 24 hours after the server's clock";
      }
      if (problem == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
      return false;
    }
  }
}
