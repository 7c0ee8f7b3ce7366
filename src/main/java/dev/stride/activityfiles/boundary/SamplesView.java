package dev.stride.activityfiles.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of {@code GET /api/sessions/{id}/samples}, as the document describes it (the answer
 * itself is written by {@link SamplesResource} straight from the samples).
 */
@Schema(name = "Samples")
public record SamplesView(
    @Schema(format = "uuid") String sessionId,
    @Schema(
            description = "The name of each value of a point, in order.",
            example =
                "[\"offsetSeconds\", \"latitude\", \"longitude\", \"elevationMeters\","
                    + " \"distanceMeters\", \"heartRate\", \"cadence\", \"powerWatts\","
                    + " \"speedMetersPerSecond\"]")
        List<String> fields,
    @Schema(
            type = SchemaType.ARRAY,
            description = "One array per sample, in time order; null where the file had no value.",
            example = "[[0, 45.46, 9.19, 122.0, 0.0, 97, null, null, null]]")
        List<List<Double>> points) {}
