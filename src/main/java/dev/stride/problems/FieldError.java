package dev.stride.problems;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field of a request: its JSON name as sent (prefixed {@code [i].} in a batch). */
@Schema(name = "FieldError", description = "One invalid field of a request.")
public record FieldError(
    @Schema(
            description =
                "JSON property name, prefixed with the item's index in a batch; an unknown property is named as sent.",
            example = "durationSeconds")
        String field,
    @Schema(description = "What is wrong, in English.", example = "must be between 1 and 86400")
        String message) {

  /** The same error for an item of a batch: {@code [3].durationSeconds}. */
  public FieldError inItem(int index) {
    return new FieldError("[" + index + "]." + field, message);
  }
}
