package dev.stride.access.boundary;

import dev.stride.access.entity.Scope;
import dev.stride.access.entity.Token;
import dev.stride.json.JsonBodies;
import dev.stride.problems.FieldError;
import dev.stride.problems.InvalidInputException;
import dev.stride.sessions.entity.Rfc3339;
import dev.stride.sessions.entity.UserId;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/tokens}, read and checked: every invalid field listed at once, an
 * unknown property refused. {@code userId} null means the caller's own.
 */
@Schema(name = "NewToken", description = "A token to create.")
public record NewToken(
    @Schema(required = true, minLength = 1, maxLength = Token.MAX_NAME_LENGTH, example = "watch")
        String name,
    @Schema(
            required = true,
            type = SchemaType.ARRAY,
            implementation = String.class,
            description = "At least one Scope; none the caller lacks.")
        Set<Scope> scopes,
    @Schema(description = "Whose token; the caller's by default (another user's needs admin).")
        String userId,
    @Schema(description = "When it stops working (RFC 3339, in the future); never by default.")
        Instant expiresAt) {
  private static final Set<String> NAMES = Set.of("name", "scopes", "userId", "expiresAt");

  /** Reads the object the parser is at; a 400 listing every invalid field when any is. */
  static NewToken read(JsonParser parser, Instant now) {
    if (parser.next() != Event.START_OBJECT) {
      throw JsonBodies.invalid("the body must be a JSON object");
    }
    List<FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String name = null;
    Set<Scope> scopes = null;
    String userId = null;
    Instant expiresAt = null;
    Event event;
    while ((event = parser.next()) != Event.END_OBJECT) {
      String key = parser.getString();
      if (!NAMES.contains(key)) {
        throw JsonBodies.invalid("the property " + JsonBodies.quote(key) + " is not a token's");
      }
      if (!seen.add(key)) {
        throw JsonBodies.invalid("the property " + JsonBodies.quote(key) + " appears twice");
      }
      Event value = parser.next();
      switch (key) {
        case "name" -> name = string(parser, value).orElse(null);
        case "scopes" -> scopes = scopes(parser, value, errors);
        case "userId" -> {
          userId = string(parser, value).orElse(null);
          if (value != Event.VALUE_NULL && !UserId.isValid(userId)) {
            errors.add(new FieldError("userId", UserId.RULE));
          }
        }
        default -> {
          if (value != Event.VALUE_NULL) { // null, like absent: no expiry
            expiresAt = instant(string(parser, value), errors);
          }
        }
      }
      if (!(key.equals("scopes") && value == Event.START_ARRAY)) { // scopes read its array
        JsonBodies.skip(parser, value);
      }
    }
    int length = name == null ? 0 : name.codePointCount(0, name.length());
    if (length < 1 || length > Token.MAX_NAME_LENGTH) {
      errors.add(new FieldError("name", Token.NAME_RULE));
    }
    if (scopes == null && errors.stream().noneMatch(e -> e.field().equals("scopes"))) {
      errors.add(new FieldError("scopes", "must list at least one scope"));
    }
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      errors.add(new FieldError("expiresAt", "must be in the future"));
    }
    InvalidInputException.throwIfAny(errors);
    return new NewToken(name, scopes, userId, expiresAt);
  }

  private static Optional<String> string(JsonParser parser, Event value) {
    return value == Event.VALUE_STRING ? Optional.of(parser.getString()) : Optional.empty();
  }

  private static Set<Scope> scopes(JsonParser parser, Event value, List<FieldError> errors) {
    if (value != Event.START_ARRAY) {
      errors.add(new FieldError("scopes", "must list at least one scope"));
      return null;
    }
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    boolean valid = true;
    Event item;
    while ((item = parser.next()) != Event.END_ARRAY) {
      Optional<Scope> scope =
          item == Event.VALUE_STRING ? Scope.fromWireName(parser.getString()) : Optional.empty();
      scope.ifPresent(scopes::add);
      valid &= scope.isPresent();
      JsonBodies.skip(parser, item);
    }
    if (!valid) {
      errors.add(new FieldError("scopes", "each " + Scope.RULE));
      return null;
    }
    if (scopes.isEmpty()) {
      errors.add(new FieldError("scopes", "must list at least one scope"));
      return null;
    }
    return scopes;
  }

  private static Instant instant(Optional<String> text, List<FieldError> errors) {
    Optional<Instant> instant = text.flatMap(Rfc3339::parse);
    if (instant.isEmpty()) {
      errors.add(new FieldError("expiresAt", Rfc3339.EXPECTED));
    }
    return instant.orElse(null);
  }
}
