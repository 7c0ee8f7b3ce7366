package dev.stride.statistics.boundary;

import dev.stride.statistics.control.StatisticsFilter;
import dev.stride.statistics.control.Summary;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user's statistics as the API answers them: every field, null where the contract says. */
@Schema(
    name = "UserStats",
    description =
        "A user's statistics over the sessions that match the filters (from, to, activity); every"
            + " field is present.")
@JsonbNillable
@JsonbPropertyOrder({
  "userId",
  "from",
  "to",
  "tz",
  "sessionCount",
  "totalDurationSeconds",
  "totalDistanceMeters",
  "totalCalories",
  "avgDurationSeconds",
  "avgHeartRate",
  "maxHeartRate",
  "firstSessionAt",
  "lastSessionAt",
  "activeDays",
  "longestStreakDays",
  "byActivity"
})
public record StatsView(
    @Schema(example = "u1") String userId,
    @Schema(
            type = SchemaType.STRING,
            format = "date-time",
            nullable = true,
            description = "The `from` parameter as an instant in UTC; null when not given.",
            example = "2026-11-01T00:00:00Z")
        Instant from,
    @Schema(
            type = SchemaType.STRING,
            format = "date-time",
            nullable = true,
            description = "The `to` parameter as an instant in UTC; null when not given.",
            example = "2026-12-01T00:00:00Z")
        Instant to,
    @Schema(
            description = "The time zone that decides calendar days, as given (default UTC).",
            example = "Europe/Rome")
        String tz,
    @Schema(
            type = SchemaType.INTEGER,
            format = "int64",
            description = "Matching sessions.",
            example = "3")
        long sessionCount,
    @Schema(
            type = SchemaType.INTEGER,
            format = "int64",
            description = "Sum of durationSeconds (0 without sessions).",
            example = "5400")
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
            example = "900")
        long totalCalories,
    @Schema(
            type = SchemaType.NUMBER,
            format = "double",
            nullable = true,
            description =
                "totalDurationSeconds / sessionCount, not rounded; null without sessions.",
            example = "1800.0")
        @JsonbTypeSerializer(DecimalPoint.class)
        Double avgDurationSeconds,
    @Schema(
            type = SchemaType.NUMBER,
            format = "double",
            nullable = true,
            description =
                "Mean of avgHeartRate over the sessions that have one, not rounded; null when none"
                    + " has.",
            example = "141.5")
        @JsonbTypeSerializer(DecimalPoint.class)
        Double avgHeartRate,
    @Schema(
            nullable = true,
            description = "The largest maxHeartRate; null when no session has one.",
            example = "182")
        Integer maxHeartRate,
    @Schema(
            type = SchemaType.STRING,
            format = "date-time",
            nullable = true,
            description =
                "startedAt of the earliest matching session, in UTC; null without sessions.",
            example = "2026-11-01T07:00:00Z")
        Instant firstSessionAt,
    @Schema(
            type = SchemaType.STRING,
            format = "date-time",
            nullable = true,
            description =
                "startedAt of the latest matching session, in UTC; null without sessions.",
            example = "2026-11-03T18:30:00Z")
        Instant lastSessionAt,
    @Schema(
            description = "Distinct calendar days in `tz` on which a matching session started.",
            example = "3")
        int activeDays,
    @Schema(
            description =
                "The longest run of consecutive active days (calendar days in `tz`; a 23- or"
                    + " 25-hour day of a DST change is one day); 0 without sessions.",
            example = "3")
        int longestStreakDays,
    @Schema(
            type = SchemaType.ARRAY,
            implementation = ActivityStatsView.class,
            description =
                "One entry per activity that has matching sessions, sorted by activity name; empty"
                    + " without sessions.")
        List<ActivityStatsView> byActivity) {

  static StatsView of(StatisticsFilter filter, String tz, Summary summary) {
    return new StatsView(
        filter.userId(),
        filter.from(),
        filter.to(),
        tz,
        summary.totals().sessionCount(),
        summary.totals().durationSeconds(),
        summary.totals().distanceMeters(),
        summary.totals().calories(),
        summary.avgDurationSeconds(),
        summary.avgHeartRate(),
        summary.maxHeartRate(),
        summary.firstSessionAt(),
        summary.lastSessionAt(),
        summary.activeDays(),
        summary.longestStreakDays(),
        summary.byActivity().stream().map(ActivityStatsView::of).toList());
  }
}
