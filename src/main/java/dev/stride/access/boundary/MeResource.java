package dev.stride.access.boundary;

import dev.stride.access.entity.Caller;
import dev.stride.access.entity.Roles;
import dev.stride.access.entity.Scope;
import dev.stride.answers.JsonBytes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the token of the request is: {@code GET /api/me}. */
@Path("me")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "access")
public class MeResource {
  @Inject CurrentCaller current;

  @GET
  @RolesAllowed(Roles.TOKEN)
  @Operation(summary = "The caller", description = "The user, token and scopes of this request.")
  @APIResponse(
      responseCode = "200",
      description = "The caller.",
      content = @Content(schema = @Schema(ref = "Me")))
  public Response me() {
    Caller caller = current.get();
    byte[] json =
        JsonBytes.of(
            128,
            out -> {
              out.writeStartObject()
                  .write("userId", caller.userId())
                  .write("tokenId", caller.tokenId().toString())
                  .writeStartArray("scopes");
              caller.scopes().stream().sorted().map(Scope::wireName).forEach(out::write);
              out.writeEnd().writeEnd();
            });
    return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
  }
}
