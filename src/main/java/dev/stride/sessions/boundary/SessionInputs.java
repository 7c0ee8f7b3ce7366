package dev.stride.sessions.boundary;

import dev.stride.access.boundary.CurrentCaller;
import dev.stride.json.JsonBodies;
import dev.stride.problems.FieldError;
import dev.stride.problems.InvalidInputException;
import dev.stride.problems.ProblemException;
import dev.stride.problems.ProblemException.Reason;
import dev.stride.sessions.entity.UserId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
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
 * Reads sessions to record from a JSON parser, or the complete list of what is wrong with them:
 * wrong JSON types and unknown properties found while reading, then every rule of the contract
 * through Bean Validation.
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
  @Inject CurrentCaller caller;
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
   * The session of a body that must be one JSON object (the parser has not started); a 400 with
   * every invalid field when it breaks a rule.
   */
  public SessionInput one(JsonParser parser) {
    if (parser.next() != Event.START_OBJECT) {
      throw JsonBodies.invalid("the body must be a JSON object");
    }
    List<FieldError> errors = new ArrayList<>();
    SessionInput input = read(parser, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return input;
  }

  /**
   * The sessions of a body that must be a JSON array of 1 to {@code maxItems} objects, or a 400
   * listing every invalid field of every item as {@code [i].field}; an id that an earlier item
   * carries already is invalid as {@code [i].id}. Items past {@code maxItems} are counted for the
   * message, not kept.
   */
  public List<SessionInput> batch(JsonParser parser, int maxItems) {
    if (parser.next() != Event.START_ARRAY) {
      throw JsonBodies.invalid("the body must be a JSON array of sessions");
    }
    List<FieldError> errors = new ArrayList<>();
    List<SessionInput> valid = new ArrayList<>();
    Map<String, Integer> firstWithId = new HashMap<>();
    int count = 0;
    for (Event event = parser.next(); event != Event.END_ARRAY; event = parser.next()) {
      int index = count++;
      if (count > maxItems) {
        JsonBodies.skip(parser, event);
        continue;
      }
      if (event != Event.START_OBJECT) {
        errors.add(new FieldError("[" + index + "]", "must be a session object"));
        JsonBodies.skip(parser, event);
        continue;
      }
      List<FieldError> found = new ArrayList<>();
      SessionInput input = read(parser, found);
      if (input != null && input.id() != null) {
        Integer earlier = firstWithId.putIfAbsent(input.id().toLowerCase(Locale.ROOT), index);
        if (earlier != null) {
          found.add(new FieldError("id", "repeats the id of item [" + earlier + "]"));
        }
      }
      found.forEach(error -> errors.add(error.inItem(index)));
      valid.add(input);
    }
    if (count == 0 || count > maxItems) {
      throw new ProblemException(
          Reason.INVALID, "a batch holds 1 to " + maxItems + " sessions; this one holds " + count);
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return valid;
  }

  /** Reads and checks one object, adding what is wrong to {@code errors}; null when invalid. */
  private SessionInput read(JsonParser parser, List<FieldError> errors) {
    List<FieldError> found = new ArrayList<>();
    SessionInput input = SessionInput.read(parser, found);
    // Another user's session is a 403 before any rule is checked (the contract's order), and a
    // batch holding one stores nothing. An invalid userId is nobody's: the rules report it.
    if (input.userId() != null && UserId.isValid(input.userId())) {
      caller.requireActsFor(input.userId());
    }
    check(input, found);
    errors.addAll(found);
    return found.isEmpty() ? input : null;
  }

  /**
   * Adds to {@code found} (the errors met while reading the input) what breaks a rule of the
   * session resource, except in a field named there already (a mistyped value was left null, and
   * the rules would only call it missing), then sorts them in the contract's order.
   */
  void check(SessionInput input, List<FieldError> found) {
    Set<String> mistyped = new HashSet<>();
    found.forEach(error -> mistyped.add(error.field()));
    for (ConstraintViolation<SessionInput> violation : validator.validate(input)) {
      String field = fieldOf(violation.getPropertyPath());
      if (!mistyped.contains(field)) {
        found.add(new FieldError(field, violation.getMessage()));
      }
    }
    found.sort(CONTRACT_ORDER.thenComparing(FieldError::field).thenComparing(FieldError::message));
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
