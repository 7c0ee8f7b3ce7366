package dev.stride.openapi;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Payara writes {@code @Schema(implementation = SessionView.class)}, and every field whose type is
 * such a class, as a copy of the component schema instead of a {@code $ref} to it: a client
 * generator then makes a class per copy, and the components look unused. Every schema that equals a
 * component schema (as written: type, properties, descriptions, rules) becomes a reference to it.
 */
final class InlineCopies {
  private final Map<String, String> componentsByText = new HashMap<>();

  private InlineCopies(Components components) {
    components
        .getSchemas()
        .forEach((name, schema) -> componentsByText.putIfAbsent(text(schema), name));
  }

  static void referToComponents(OpenAPI document) {
    Components components = document.getComponents();
    if (components == null || components.getSchemas() == null) {
      return;
    }
    InlineCopies copies = new InlineCopies(components);
    if (document.getPaths() != null) {
      for (PathItem path : document.getPaths().getPathItems().values()) {
        path.getOperations().values().forEach(copies::operation);
      }
    }
    components.getSchemas().values().forEach(copies::within);
    nonNull(components.getResponses()).values().forEach(copies::response);
    nonNull(components.getParameters()).values().forEach(copies::parameter);
    nonNull(components.getRequestBodies()).values().forEach(copies::requestBody);
    nonNull(components.getHeaders()).values().forEach(copies::header);
  }

  private void operation(Operation operation) {
    nonNull(operation.getParameters()).forEach(this::parameter);
    requestBody(operation.getRequestBody());
    if (operation.getResponses() != null) {
      operation.getResponses().getAPIResponses().values().forEach(this::response);
    }
  }

  private void parameter(Parameter parameter) {
    parameter.setSchema(referred(parameter.getSchema()));
  }

  private void requestBody(RequestBody body) {
    if (body != null) {
      content(body.getContent());
    }
  }

  private void response(APIResponse response) {
    content(response.getContent());
    nonNull(response.getHeaders()).values().forEach(this::header);
  }

  private void header(Header header) {
    header.setSchema(referred(header.getSchema()));
  }

  private void content(Content content) {
    if (content != null && content.getMediaTypes() != null) {
      for (MediaType type : content.getMediaTypes().values()) {
        type.setSchema(referred(type.getSchema()));
      }
    }
  }

  /** The schema itself, or a reference to the component it is a copy of. */
  private Schema referred(Schema schema) {
    if (schema == null || schema.getRef() != null) {
      return schema;
    }
    String component = componentsByText.get(text(schema));
    if (component != null) {
      return OASFactory.createSchema().ref(component);
    }
    within(schema);
    return schema;
  }

  /** The schemas inside this one, each referred. */
  private void within(Schema schema) {
    if (schema.getProperties() != null) {
      Map<String, Schema> properties = new TreeMap<>(schema.getProperties());
      properties.forEach((name, property) -> replace(property, schema, name));
    }
    if (schema.getItems() != null) {
      schema.setItems(referred(schema.getItems()));
    }
    if (schema.getAdditionalPropertiesSchema() != null) {
      schema.setAdditionalPropertiesSchema(referred(schema.getAdditionalPropertiesSchema()));
    }
  }

  private void replace(Schema property, Schema parent, String name) {
    Schema referred = referred(property);
    if (referred != property) {
      parent.addProperty(name, referred);
    }
  }

  /** A schema written out with every attribute this project uses, properties in name order. */
  static String text(Schema schema) {
    StringBuilder out = new StringBuilder();
    write(schema, out);
    return out.toString();
  }

  private static void write(Schema schema, StringBuilder out) {
    if (schema == null) {
      out.append('~');
      return;
    }
    List<String> required =
        schema.getRequired() == null ? List.of() : schema.getRequired().stream().sorted().toList();
    List<Object> enumeration =
        schema.getEnumeration() == null ? List.of() : schema.getEnumeration();
    out.append('{');
    for (Object value :
        Arrays.asList(
            schema.getRef(),
            schema.getType(),
            schema.getFormat(),
            schema.getDescription(),
            schema.getPattern(),
            schema.getMinimum(),
            schema.getMaximum(),
            schema.getMinLength(),
            schema.getMaxLength(),
            schema.getMinItems(),
            schema.getMaxItems(),
            schema.getNullable(),
            schema.getExample(),
            schema.getDefaultValue(),
            enumeration,
            required)) {
      out.append(Objects.toString(value, "")).append('|');
    }
    if (schema.getProperties() != null) {
      new TreeMap<>(schema.getProperties())
          .forEach(
              (name, property) -> {
                out.append(name).append(':');
                write(property, out);
              });
    }
    out.append("items:");
    write(schema.getItems(), out);
    out.append('}');
  }

  private static <K, V> Map<K, V> nonNull(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
