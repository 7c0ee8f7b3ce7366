package dev.stride.sessions.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The file a session was imported from (contract: "Activity files"), as the document names it;
 * {@code null} for a session sent as JSON.
 */
@Schema(
    name = "SessionSource",
    nullable = true,
    description =
        "The activity file a session was imported from (POST /api/sessions/import); null for a"
            + " session sent as JSON.")
public record SessionSource(
    @Schema(enumeration = {"gpx", "tcx", "fit"}) String format,
    @Schema(description = "Hex of the SHA-256 of the file's bytes.") String sha256,
    @Schema(format = "int32") int samples) {}
