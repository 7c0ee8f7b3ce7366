package dev.stride.sessions.boundary;

import dev.stride.problems.FieldError;
import dev.stride.problems.InvalidInputException;
import dev.stride.sessions.entity.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns JSON objects into sessions to record, or into the complete list of what is wrong with them:
 * wrong JSON types and unknown properties first found while reading, then every rule of the
 * contract through Bean Validation.
 */
@ApplicationScoped
public class SessionInputs {
  private static final Comparator<FieldError> CONTRACT_ORDER =
      Comparator.comparingInt(
          (FieldError e) -> {
            int index = SessionInput.FIELDS.indexOf(e.field());
            return index < 0 ? Integer.MAX_VALUE : index;
          });

  @Inject Validator validator;

  /**
   * The session one JSON object describes; a 400 with every invalid field when it breaks a rule.
   */
  public Session toSession(Map<String, JsonValue> json) {
    List<FieldError> errors = new ArrayList<>();
    SessionInput input = read(json, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return input.toSession();
  }

  /** Reads and checks one object, adding what is wrong to {@code errors}; null when invalid. */
  SessionInput read(Map<String, JsonValue> json, List<FieldError> errors) {
    List<FieldError> found = new ArrayList<>();
    SessionInput input = SessionInput.from(json, found);
    Set<String> mistyped = new HashSet<>();
    found.forEach(error -> mistyped.add(error.field()));
    for (ConstraintViolation<SessionInput> violation : validator.validate(input)) {
      String field = fieldOf(violation.getPropertyPath());
      if (!mistyped.contains(field)) {
        found.add(new FieldError(field, violation.getMessage()));
      }
    }
    found.sort(CONTRACT_ORDER.thenComparing(FieldError::field).thenComparing(FieldError::message));
    errors.addAll(found);
    return found.isEmpty() ? input : null;
  }

  private static String fieldOf(Path path) {
    String field = "";
    for (Iterator<Path.Node> nodes = path.iterator(); nodes.hasNext(); ) {
      String name = nodes.next().getName();
      if (name != null) {
        field = name;
      }
    }
    return field;
  }
}
