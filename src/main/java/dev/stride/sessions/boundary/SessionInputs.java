package dev.stride.sessions.boundary;

import dev.stride.problems.FieldError;
import dev.stride.problems.InvalidInputException;
import dev.stride.sessions.entity.Session;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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

  @Inject ValidatorFactory validators;
  private Validator validator;

  /**
   * A validator that does not ask JPA whether each property is loaded: SessionInput is no entity,
   * and that question was most of the cost of validating a batch.
   */
  @PostConstruct
  void createValidator() {
    validator =
        validators.usingContext().traversableResolver(new EveryPropertyReachable()).getValidator();
  }

  private static final class EveryPropertyReachable implements TraversableResolver {
    @Override
    public boolean isReachable(
        Object bean, Path.Node property, Class<?> rootBean, Path path, ElementType type) {
      return true;
    }

    @Override
    public boolean isCascadable(
        Object bean, Path.Node property, Class<?> rootBean, Path path, ElementType type) {
      return true;
    }
  }

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

  /**
   * The sessions of a batch, or a 400 listing every invalid field of every item as {@code
   * [i].field}; an id that an earlier item carries already is invalid as {@code [i].id}.
   */
  public List<Session> toSessions(List<Map<String, JsonValue>> items) {
    List<FieldError> errors = new ArrayList<>();
    List<SessionInput> valid = new ArrayList<>(items.size());
    Map<String, Integer> firstWithId = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Map<String, JsonValue> item = items.get(i);
      if (item == null) {
        errors.add(new FieldError("[" + i + "]", "must be a session object"));
        continue;
      }
      List<FieldError> found = new ArrayList<>();
      SessionInput input = read(item, found);
      if (input != null && input.id() != null) {
        Integer earlier = firstWithId.putIfAbsent(input.id().toLowerCase(Locale.ROOT), i);
        if (earlier != null) {
          found.add(new FieldError("id", "repeats the id of item [" + earlier + "]"));
        }
      }
      int index = i;
      found.forEach(error -> errors.add(error.inItem(index)));
      valid.add(input);
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return valid.stream().map(SessionInput::toSession).toList();
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
