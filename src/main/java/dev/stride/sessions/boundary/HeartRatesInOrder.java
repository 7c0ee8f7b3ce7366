package dev.stride.sessions.boundary;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A session's maximum heart rate is not below its average; the error names maxHeartRate. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HeartRatesInOrder.Validator.class)
public @interface HeartRatesInOrder {
  String message() default "must not be below avgHeartRate";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<HeartRatesInOrder, SessionInput> {
    @Override
    public boolean isValid(SessionInput input, ConstraintValidatorContext context) {
      if (input.avgHeartRate() == null
          || input.maxHeartRate() == null
          || input.maxHeartRate() >= input.avgHeartRate()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
          .addPropertyNode("maxHeartRate")
          .addConstraintViolation();
      return false;
    }
  }
}
