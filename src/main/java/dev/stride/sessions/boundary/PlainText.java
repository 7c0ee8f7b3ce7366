package dev.stride.sessions.boundary;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Free text that PostgreSQL can store: at most {@link #maxCodePoints()} Unicode code points (what a
 * person counts, not UTF-16 units), no NUL character and no unpaired surrogate.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {
  int maxCodePoints();

  String message() default "must be at most {maxCodePoints} characters";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<PlainText, String> {
    private int max;

    @Override
    public void initialize(PlainText annotation) {
      max = annotation.maxCodePoints();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      if (!isStorable(value)) {
        context.disableDefaultConstraintViolation();
        context
            .buildConstraintViolationWithTemplate(
                "must not contain NUL characters or unpaired surrogates")
            .addConstraintViolation();
        return false;
      }
      return value.length() <= max || value.codePointCount(0, value.length()) <= max;
    }

    /** Whether PostgreSQL can store the text: no NUL, every surrogate in a pair. */
    public static boolean isStorable(String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == 0) {
          return false;
        }
        if (Character.isHighSurrogate(c)) {
          if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
            return false;
          }
          i++;
        } else if (Character.isLowSurrogate(c)) {
          return false;
        }
      }
      return true;
    }
  }
}
