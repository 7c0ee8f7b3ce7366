package dev.stride.records.boundary;

import dev.stride.records.entity.PersonalRecord;
import dev.stride.records.entity.RecordKind;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code GET /api/users/{userId}/records}, as the document describes it. */
@Schema(name = "UserRecords")
public record RecordsView(
    @Schema(example = "u1") String userId,
    @Schema(
            type = SchemaType.ARRAY,
            implementation = RecordView.class,
            description =
                "Sorted by activity, then kind (in the order of the enumeration), then distance.")
        List<RecordView> records) {

  /** One record. */
  @Schema(name = "PersonalRecord")
  public record RecordView(
      @Schema(ref = "Activity") String activity,
      @Schema(enumeration = {"longestDuration", "farthestDistance", "mostCalories", "fastest"})
          String kind,
      @Schema(
              description = "The stretch's distance; fastest records only (absent otherwise).",
              format = "double",
              example = "1000.0")
          Double distanceMeters,
      @Schema(
              description =
                  "Seconds (longestDuration, an integer; fastest, interpolated between samples, to"
                      + " the millisecond), meters (farthestDistance) or kcal (mostCalories, an"
                      + " integer).",
              type = SchemaType.NUMBER,
              example = "245.125")
          double value,
      @Schema(format = "uuid") String sessionId,
      @Schema(type = SchemaType.STRING, format = "date-time") String startedAt) {}

  /** The answer's bytes: integers where the kind counts whole units. */
  static byte[] json(String userId, List<PersonalRecord> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + records.size() * 160);
    try (JsonGenerator json = Json.createGenerator(out)) {
      json.writeStartObject().write("userId", userId).writeStartArray("records");
      for (PersonalRecord r : records) {
        json.writeStartObject()
            .write("activity", r.activity().wireName())
            .write("kind", r.kind().wireName());
        if (r.distanceMeters() != null) {
          json.write("distanceMeters", r.distanceMeters());
        }
        if (r.kind() == RecordKind.LONGEST_DURATION || r.kind() == RecordKind.MOST_CALORIES) {
          json.write("value", Math.round(r.value()));
        } else {
          json.write("value", r.value());
        }
        json.write("sessionId", r.sessionId().toString())
            .write("startedAt", r.startedAt().toString())
            .writeEnd();
      }
      json.writeEnd().writeEnd();
    }
    return out.toByteArray();
  }
}
