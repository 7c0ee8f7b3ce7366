package dev.stride.access.boundary;

import dev.stride.access.entity.Scope;
import dev.stride.access.entity.Token;
import dev.stride.answers.JsonBytes;
import jakarta.json.stream.JsonGenerator;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token as the API shows it; {@code secret} only in the answer that created it. */
@Schema(name = "Token", description = "An access token; its secret is shown once, when created.")
public record TokenView(
    @Schema(required = true, format = "uuid") String id,
    @Schema(required = true, example = "u1") String userId,
    @Schema(required = true, example = "watch") String name,
    @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class)
        List<String> scopes,
    @Schema(required = true) Instant createdAt,
    @Schema(nullable = true) Instant expiresAt,
    @Schema(nullable = true, description = "May lag by a minute.") Instant lastUsedAt,
    @Schema(description = "Only in the 201 of POST /api/tokens.", example = "stride_...")
        String secret) {
  static TokenView of(Token token, String secret) {
    return new TokenView(
        token.id().toString(),
        token.userId(),
        token.name(),
        token.scopes().stream().sorted().map(Scope::wireName).toList(),
        token.createdAt(),
        token.expiresAt(),
        token.lastUsedAt(),
        secret);
  }

  byte[] json() {
    return JsonBytes.of(256, this::write);
  }

  static byte[] list(List<TokenView> tokens) {
    return JsonBytes.of(
        256 * (tokens.size() + 1),
        json -> {
          json.writeStartObject().writeStartArray("items");
          tokens.forEach(token -> token.write(json));
          json.writeEnd().writeEnd();
        });
  }

  private void write(JsonGenerator json) {
    json.writeStartObject()
        .write("id", id)
        .write("userId", userId)
        .write("name", name)
        .writeStartArray("scopes");
    scopes.forEach(json::write);
    json.writeEnd().write("createdAt", createdAt.toString());
    writeInstant(json, "expiresAt", expiresAt);
    writeInstant(json, "lastUsedAt", lastUsedAt);
    if (secret != null) {
      json.write("secret", secret);
    }
    json.writeEnd();
  }

  private static void writeInstant(JsonGenerator json, String name, Instant instant) {
    if (instant == null) {
      json.writeNull(name);
    } else {
      json.write(name, instant.toString());
    }
  }
}
