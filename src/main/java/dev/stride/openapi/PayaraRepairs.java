package dev.stride.openapi;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * What Payara Micro 6 (6.2025.10) writes wrongly into the OpenAPI document, mended. Each repair
 * leaves a correct document as it is, so that none of them matters once Payara is fixed.
 */
final class PayaraRepairs {
  /** Each OpenAPI format belongs to one type (OpenAPI 3.0, "Data Types"). */
  private static final Map<String, SchemaType> TYPE_OF_FORMAT =
      Map.of(
          "int32", SchemaType.INTEGER,
          "int64", SchemaType.INTEGER,
          "float", SchemaType.NUMBER,
          "double", SchemaType.NUMBER,
          "date", SchemaType.STRING,
          "date-time", SchemaType.STRING,
          "uuid", SchemaType.STRING,
          "uri", SchemaType.STRING);

  private PayaraRepairs() {}

  /**
   * One schema, in place:
   *
   * <ul>
   *   <li>Payara writes the defaults of every {@code @Schema} attribute that was not set ({@code
   *       exclusiveMaximum: false} without a maximum, {@code maxProperties: 0} — which would allow
   *       no property —, {@code nullable: false}...): they are dropped. The schema of a parameter
   *       named in {@code @Parameters} gets other ones ({@code minItems: 2147483647}, {@code
   *       maxItems: -2147483648}, {@code multipleOf: 0.0}, which no value could meet): dropped too.
   *   <li>On a record component the Java type wins over {@code @Schema(type)} ({@code long} and
   *       {@code Long} become {@code number}, {@code Instant} {@code object}): the declared format
   *       names the type.
   *   <li>An array copies the properties of its items: they are dropped.
   *   <li>Examples and defaults stay text ({@code "1800"}): numbers become numbers.
   * </ul>
   */
  static void repair(Schema schema) {
    unset(schema::getExclusiveMaximum, schema::setExclusiveMaximum, false);
    unset(schema::getExclusiveMinimum, schema::setExclusiveMinimum, false);
    unset(schema::getMinLength, schema::setMinLength, 0);
    unset(schema::getMaxLength, schema::setMaxLength, Integer.MAX_VALUE);
    unset(schema::getMinItems, schema::setMinItems, 0);
    unset(schema::getMaxItems, schema::setMaxItems, Integer.MAX_VALUE);
    unset(schema::getMinItems, schema::setMinItems, Integer.MAX_VALUE);
    unset(schema::getMaxItems, schema::setMaxItems, Integer.MIN_VALUE);
    if (schema.getMultipleOf() != null && schema.getMultipleOf().signum() == 0) {
      schema.setMultipleOf(null); // OpenAPI wants it above 0
    }
    unset(schema::getMinProperties, schema::setMinProperties, 0);
    unset(schema::getMaxProperties, schema::setMaxProperties, 0);
    unset(schema::getUniqueItems, schema::setUniqueItems, false);
    unset(schema::getNullable, schema::setNullable, false);
    unset(schema::getReadOnly, schema::setReadOnly, false);
    unset(schema::getWriteOnly, schema::setWriteOnly, false);
    unset(schema::getDeprecated, schema::setDeprecated, false);
    SchemaType declared =
        schema.getFormat() == null ? null : TYPE_OF_FORMAT.get(schema.getFormat());
    if (declared != null) {
      schema.setType(declared);
    }
    if (schema.getType() == SchemaType.ARRAY) {
      schema.setProperties(null);
      schema.setRequired(null);
    }
    schema.setExample(typed(schema.getExample(), schema.getType()));
    schema.setDefaultValue(typed(schema.getDefaultValue(), schema.getType()));
  }

  /** Path parameters are required (OpenAPI says so; Payara writes false); defaults dropped. */
  static void repair(Parameter parameter) {
    if (parameter.getIn() == Parameter.In.PATH) {
      parameter.setRequired(true);
    } else {
      unset(parameter::getRequired, parameter::setRequired, false);
    }
    unset(parameter::getDeprecated, parameter::setDeprecated, false);
    unset(parameter::getAllowEmptyValue, parameter::setAllowEmptyValue, false);
    unset(parameter::getAllowReserved, parameter::setAllowReserved, false);
  }

  /**
   * A method that reads its body itself (PATCH takes an InputStream, so that 404 comes before 415)
   * gets {@code application/json} documented beside the media type its {@code @RequestBody}
   * declares: where a {@code +json} type is declared, the plain one Payara added is dropped.
   */
  static void repair(Operation operation) {
    unset(operation::getDeprecated, operation::setDeprecated, false);
    if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
      var content = operation.getRequestBody().getContent();
      if (content.getMediaTypes().size() > 1
          && content.getMediaTypes().keySet().stream().anyMatch(t -> t.endsWith("+json"))) {
        content.removeMediaType("application/json");
      }
    }
  }

  static void repair(Header header) {
    unset(header::getRequired, header::setRequired, false);
    unset(header::getDeprecated, header::setDeprecated, false);
    unset(header::getAllowEmptyValue, header::setAllowEmptyValue, false);
  }

  /**
   * Payara adds an attribute {@code endpoints} (the paths of each deployed application) at the top
   * of the document, which OpenAPI does not allow and which tools refuse; later Payara versions
   * name it {@code x-endpoints}. It is written only when it is not empty. The attribute is not part
   * of the MicroProfile model, so it is reached by reflection; without it nothing happens.
   */
  static void dropEndpoints(OpenAPI document) {
    try {
      document
          .getClass()
          .getMethod("setEndpoints", Map.class)
          .invoke(document, new TreeMap<String, Set<String>>());
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Not Payara's model, or one without the attribute: nothing to drop.
    }
  }

  /**
   * A {@code @Tag(name = "sessions")} on a resource adds a second tag of that name without its
   * description, also when {@code META-INF/openapi.yaml} defines it: one tag per name is kept, the
   * first (the file's).
   */
  static void mergeTags(OpenAPI document) {
    if (document.getTags() == null) {
      return;
    }
    Map<String, Tag> byName = new LinkedHashMap<>();
    for (Tag tag : document.getTags()) {
      byName.merge(
          tag.getName(), tag, (first, second) -> first.getDescription() == null ? second : first);
    }
    document.setTags(new ArrayList<>(byName.values()));
  }

  /**
   * {@code @ExampleObject(value)} is text; Payara writes it as a JSON string, so that an example of
   * a JSON body is a string instead of the object it shows. Examples of JSON media types are
   * parsed.
   */
  static void parseJsonExamples(OpenAPI document) {
    if (document.getPaths() != null) {
      for (PathItem path : document.getPaths().getPathItems().values()) {
        for (Operation operation : path.getOperations().values()) {
          if (operation.getRequestBody() != null) {
            parseJsonExamples(operation.getRequestBody().getContent());
          }
          if (operation.getResponses() != null) {
            operation.getResponses().getAPIResponses().values().stream()
                .map(APIResponse::getContent)
                .forEach(PayaraRepairs::parseJsonExamples);
          }
        }
      }
    }
    if (document.getComponents() != null && document.getComponents().getResponses() != null) {
      document.getComponents().getResponses().values().stream()
          .map(APIResponse::getContent)
          .forEach(PayaraRepairs::parseJsonExamples);
    }
  }

  private static void parseJsonExamples(Content content) {
    if (content == null || content.getMediaTypes() == null) {
      return;
    }
    for (Map.Entry<String, MediaType> type : content.getMediaTypes().entrySet()) {
      if (!type.getKey().endsWith("json") || type.getValue().getExamples() == null) {
        continue;
      }
      for (Example example : type.getValue().getExamples().values()) {
        if (example.getValue() instanceof String text) {
          example.setValue(parsed(text));
        }
      }
    }
  }

  private static Object parsed(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return plain(reader.readValue());
    } catch (JsonParsingException e) {
      return json;
    }
  }

  /** A JSON-P value as the maps, lists, strings and numbers that Payara's writer knows. */
  private static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        ((JsonObject) value).forEach((name, member) -> map.put(name, plain(member)));
        yield map;
      }
      case ARRAY -> {
        List<Object> list = new ArrayList<>();
        ((JsonArray) value).forEach(item -> list.add(plain(item)));
        yield list;
      }
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).bigDecimalValue();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
    };
  }

  /** Drops a value Payara wrote for an annotation attribute that was not set. */
  private static <T> void unset(Supplier<T> getter, Consumer<T> setter, T payaraDefault) {
    if (payaraDefault.equals(getter.get())) {
      setter.accept(null);
    }
  }

  private static Object typed(Object value, SchemaType type) {
    if (!(value instanceof String text) || type == null) {
      return value;
    }
    try {
      return switch (type) {
        case INTEGER, NUMBER -> new BigDecimal(text);
        case BOOLEAN -> text.equals("true") || text.equals("false") ? Boolean.valueOf(text) : text;
        default -> text;
      };
    } catch (NumberFormatException e) {
      return text;
    }
  }
}
