package dev.stride.sessions.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a batch did: how many sessions it created, how many were stored already. */
@Schema(name = "BatchResult")
@JsonbPropertyOrder({"created", "existing", "ids"})
public record BatchResult(
    @Schema(description = "Sessions stored by this request.", example = "498") int created,
    @Schema(
            description = "Sessions that were stored already with the same content (a retry).",
            example = "2")
        int existing,
    @Schema(
            type = SchemaType.ARRAY,
            implementation = String.class,
            description = "The id of every item, in input order (assigned where not sent).")
        List<String> ids) {}
