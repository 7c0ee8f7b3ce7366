package dev.stride.statistics.boundary;

import dev.stride.statistics.control.SeriesItem;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The totals of one day, week or month of a series. */
@Schema(name = "SeriesItem", description = "The totals of one bucket that has sessions.")
@JsonbPropertyOrder({
  "start",
  "sessionCount",
  "totalDurationSeconds",
  "totalDistanceMeters",
  "totalCalories"
})
public record SeriesItemView(
    @Schema(
            type = SchemaType.STRING,
            format = "date",
            description =
                "The bucket's first calendar day in `tz`: the day itself, the Monday of the week,"
                    + " or the first of the month. It may lie before `from`.",
            example = "2026-10-26")
        LocalDate start,
    @Schema(
            type = SchemaType.INTEGER,
            format = "int64",
            description = "Matching sessions that started in the bucket; at least 1.",
            example = "4")
        long sessionCount,
    @Schema(
            type = SchemaType.INTEGER,
            format = "int64",
            description = "Sum of durationSeconds.",
            example = "7200")
        long totalDurationSeconds,
    @Schema(
            type = SchemaType.NUMBER,
            format = "double",
            description =
                "Sum of distanceMeters over the sessions that have one (0.0 when none has); always"
                    + " written with a decimal point.",
            example = "21000.0")
        @JsonbTypeSerializer(DecimalPoint.class)
        double totalDistanceMeters,
    @Schema(
            type = SchemaType.INTEGER,
            format = "int64",
            description = "Sum of calories over the sessions that have them (0 when none has).",
            example = "1300")
        long totalCalories) {

  static SeriesItemView of(SeriesItem item) {
    return new SeriesItemView(
        item.start(),
        item.totals().sessionCount(),
        item.totals().durationSeconds(),
        item.totals().distanceMeters(),
        item.totals().calories());
  }
}
