package dev.stride.sessions.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The file a session was imported from (contract: "Activity files"). Sessions sent as JSON have
 * none, and this version stores no other kind, so every answer carries {@code "source": null}; the
 * type is here so that the document names the shape clients will see.
 */
@Schema(
    name = "SessionSource",
    nullable = true,
    description =
        "The activity file a session was imported from; null for a session sent as JSON (the only kind"
            + " this version stores).")
public record SessionSource(
    @Schema(enumeration = {"gpx", "tcx", "fit"}) String format,
    @Schema(description = "Hex of the SHA-256 of the file's bytes.") String sha256,
    @Schema(format = "int32") int samples) {}
