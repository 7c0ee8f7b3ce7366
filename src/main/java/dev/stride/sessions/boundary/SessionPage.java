package dev.stride.sessions.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list of sessions. */
@Schema(name = "SessionPage")
@JsonbNillable
@JsonbPropertyOrder({"items", "nextCursor"})
public record SessionPage(
    @Schema(
            type = SchemaType.ARRAY,
            implementation = SessionView.class,
            description = "The sessions of this page, in the order asked for.")
        List<SessionView> items,
    @Schema(
            nullable = true,
            description =
                "Pass as `cursor` to get the next page with the same filters; null on the page that holds the last match.")
        String nextCursor) {}
