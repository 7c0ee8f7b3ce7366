package dev.stride.tester.service.entity;

import java.util.List;
import java.util.stream.Collectors;

/** An RFC 9457 problem as the service answers it for every 4xx and 5xx. */
public record Problem(
    String type, String title, Integer status, String detail, List<FieldError> errors) {

  /** One invalid field of a rejected request, e.g. {@code [3].durationSeconds}. */
  public record FieldError(String field, String message) {}

  /** The problem on one line, invalid fields included. */
  public String summary() {
    var text = new StringBuilder();
    if (title != null) {
      text.append(title);
    }
    if (detail != null && !detail.isBlank()) {
      text.append(text.length() > 0 ? ": " : "").append(detail);
    }
    if (errors != null && !errors.isEmpty()) {
      text.append(" (")
          .append(
              errors.stream()
                  .limit(5)
                  .map(error -> error.field() + " " + error.message())
                  .collect(Collectors.joining("; ")))
          .append(errors.size() > 5 ? "; ..." : "")
          .append(')');
    }
    return text.toString().replaceAll("\\s+", " ").strip();
  }
}
