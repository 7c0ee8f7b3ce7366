package dev.stride.sessions.boundary;

import dev.stride.sessions.entity.Session;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored session as the API answers it: every field, null where not given. */
@Schema(
    name = "Session",
    description = "A stored session; every field is present, null where not given.")
@JsonbNillable
@JsonbPropertyOrder({
  "id",
  "userId",
  "activity",
  "startedAt",
  "durationSeconds",
  "distanceMeters",
  "calories",
  "avgHeartRate",
  "maxHeartRate",
  "notes",
  "createdAt",
  "updatedAt",
  "source"
})
public record SessionView(
    @Schema(format = "uuid", example = "3f0c8f0e-6d2a-4c1e-9a53-2b7d0c9e4a11") String id,
    @Schema(example = "u1") String userId,
    @Schema(ref = "Activity") String activity,
    @Schema(
            type = SchemaType.STRING,
            format = "date-time",
            description = "In UTC.",
            example = "2026-11-01T06:00:00Z")
        Instant startedAt,
    @Schema(example = "1800") int durationSeconds,
    @Schema(format = "double", nullable = true, example = "5000.0") Double distanceMeters,
    @Schema(nullable = true, example = "300") Integer calories,
    @Schema(nullable = true, example = "141") Integer avgHeartRate,
    @Schema(nullable = true, example = "182") Integer maxHeartRate,
    @Schema(nullable = true, example = "Easy run by the river") String notes,
    @Schema(
            type = SchemaType.STRING,
            format = "date-time",
            description = "When the server stored the session, in UTC.",
            example = "2026-11-01T07:31:02.123456Z")
        Instant createdAt,
    @Schema(
            type = SchemaType.STRING,
            format = "date-time",
            description =
                "When the session was last changed (PATCH), in UTC; createdAt until then.",
            example = "2026-11-01T07:31:02.123456Z")
        Instant updatedAt,
    SessionSource source) {

  public static SessionView of(Session session) {
    return new SessionView(
        session.id().toString(),
        session.userId(),
        session.activity().wireName(),
        session.startedAt(),
        session.durationSeconds(),
        session.distanceMeters(),
        session.calories(),
        session.avgHeartRate(),
        session.maxHeartRate(),
        session.notes(),
        session.createdAt(),
        session.updatedAt(),
        session.source() == null
            ? null
            : new SessionSource(
                session.source().format(), session.source().sha256(), session.source().samples()));
  }
}
