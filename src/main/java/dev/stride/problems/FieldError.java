package dev.stride.problems;

import dev.stride.sessions.entity.SessionRules;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One invalid field of a request: its JSON name as sent (prefixed {@code [i].} in a batch). The
 * documented example is a real error of a session, so its message is the rule's own.
 */
@Schema(name = "FieldError", description = "One invalid field of a request.")
public record FieldError(
    @Schema(
            description =
                "JSON property name, prefixed with the item's index in a batch; an unknown property is named as sent.",
            example = "durationSeconds")
        String field,
    @Schema(description = "What is wrong, in English.", example = SessionRules.DURATION_RULE)
        String message) {

  /** The same error for an item of a batch: {@code [3].durationSeconds}. */
  public FieldError inItem(int index) {
    return new FieldError("[" + index + "]." + field, message);
  }
}
