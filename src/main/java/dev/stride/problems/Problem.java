package dev.stride.problems;

import dev.stride.operations.control.RequestIds;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
                "For a 5xx: the request it answers, urn:stride:request:<its X-Request-Id>; every log line of"
                    + " that request names the same id.",
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

  /** A problem; one of the server's (5xx) names the request it answers in {@code instance}. */
  public static Problem of(Status status, String detail) {
    String instance = status.getStatusCode() >= 500 ? thisRequest() : null;
    return new Problem(
        "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, instance, null);
  }

  /**
   * The URN of the request this thread answers — its {@code X-Request-Id}, which is also in every
   * log line of it, so a user who quotes it leads the operator to those lines — or a new UUID URN
   * where no request is known.
   */
  public static String thisRequest() {
    String id = RequestIds.current();
    return id != null ? "urn:stride:request:" + id : "urn:uuid:" + UUID.randomUUID();
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
