package dev.stride.statistics.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user's totals per day, week or month. */
@Schema(
    name = "UserSeries",
    description = "A user's totals per calendar day, week (from Monday) or month in `tz`.")
@JsonbPropertyOrder({"userId", "bucket", "tz", "items"})
public record SeriesView(
    @Schema(example = "u1") String userId,
    @Schema(ref = "Bucket") String bucket,
    @Schema(
            description = "The time zone of the calendar, as given (default UTC).",
            example = "Europe/Rome")
        String tz,
    @Schema(
            type = SchemaType.ARRAY,
            implementation = SeriesItemView.class,
            description =
                "Only the buckets that have matching sessions, oldest first; empty without"
                    + " sessions.")
        List<SeriesItemView> items) {}
