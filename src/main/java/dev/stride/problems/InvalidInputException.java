package dev.stride.problems;

import java.util.List;

/** A request that breaks the contract: 400 listing every invalid field. */
public class InvalidInputException extends ProblemException {
  private final List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(Reason.INVALID, describe(errors));
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  /** Refuses a request with these errors, if there is any: 400 listing them all. */
  public static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  public List<FieldError> errors() {
    return errors;
  }

  private static String describe(List<FieldError> errors) {
    return errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
  }
}
