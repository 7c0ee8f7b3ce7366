package dev.stride.statistics.boundary;

import dev.stride.statistics.control.Summary.ActivityTotals;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The totals of one activity in a user's statistics. */
@Schema(name = "ActivityStats", description = "The totals of one activity that has sessions.")
@JsonbPropertyOrder({
  "activity",
  "sessionCount",
  "totalDurationSeconds",
  "totalDistanceMeters",
  "totalCalories"
})
public record ActivityStatsView(
    @Schema(ref = "Activity") String activity,
    @Schema(
            type = SchemaType.INTEGER,
            format = "int64",
            description = "Sessions of this activity; at least 1.",
            example = "2")
        long sessionCount,
    @Schema(
            type = SchemaType.INTEGER,
            format = "int64",
            description = "Sum of durationSeconds.",
            example = "3600")
        long totalDurationSeconds,
    @Schema(
            type = SchemaType.NUMBER,
            format = "double",
            description =
                "Sum of distanceMeters over the sessions that have one (0.0 when none has); always"
                    + " written with a decimal point.",
            example = "15000.0")
        @JsonbTypeSerializer(DecimalPoint.class)
        double totalDistanceMeters,
    @Schema(
            type = SchemaType.INTEGER,
            format = "int64",
            description = "Sum of calories over the sessions that have them (0 when none has).",
            example = "600")
        long totalCalories) {

  static ActivityStatsView of(ActivityTotals totals) {
    return new ActivityStatsView(
        totals.activity().wireName(),
        totals.totals().sessionCount(),
        totals.totals().durationSeconds(),
        totals.totals().distanceMeters(),
        totals.totals().calories());
  }
}
