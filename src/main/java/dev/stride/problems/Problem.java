package dev.stride.problems;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem answer. The body is written here, as text, so that it never depends on which
 * JSON provider the runtime picks for {@code application/problem+json}.
 */
@Schema(
    name = "Problem",
    description = "RFC 9457 problem details; the media type is application/problem+json.")
public record Problem(
    @Schema(example = "about:blank") String type,
    @Schema(example = "Bad Request") String title,
    @Schema(example = "400") int status,
    @Schema(example = "2 fields are invalid") String detail,
    @Schema(
            description =
                "For an unexpected failure: the id under which it was logged (urn:uuid:...).",
            nullable = true)
        String instance,
    @Schema(
            type = SchemaType.ARRAY,
            implementation = FieldError.class,
            description = "With 400: every invalid field.",
            nullable = true)
        List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /**
   * Looked up once: every {@code Json.createGenerator} call would search the class path for a
   * provider again (JSON-P's ServiceLoader lookup), which costs more than writing the problem.
   */
  private static final JsonGeneratorFactory GENERATORS =
      JsonProvider.provider().createGeneratorFactory(Map.of());

  public static Problem of(Status status, String detail) {
    return new Problem(
        "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null, null);
  }

  public Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(type, title, status, detail, instance, fieldErrors);
  }

  public Problem withInstance(String id) {
    return new Problem(type, title, status, detail, id, errors);
  }

  public Response.ResponseBuilder toResponseBuilder() {
    return Response.status(status).type(MEDIA_TYPE).entity(toJson());
  }

  public Response toResponse() {
    return toResponseBuilder().build();
  }

  String toJson() {
    StringWriter out = new StringWriter(128);
    try (JsonGenerator json = GENERATORS.createGenerator(out)) {
      json.writeStartObject()
          .write("type", type)
          .write("title", title)
          .write("status", status)
          .write("detail", detail);
      if (instance != null) {
        json.write("instance", instance);
      }
      if (errors != null) {
        json.writeStartArray("errors");
        for (FieldError error : errors) {
          json.writeStartObject()
              .write("field", error.field())
              .write("message", error.message())
              .writeEnd();
        }
        json.writeEnd();
      }
      json.writeEnd();
    }
    return out.toString();
  }
}
