package dev.stride.access.boundary;

import dev.stride.access.control.TokenStore;
import dev.stride.access.entity.Caller;
import dev.stride.access.entity.Roles;
import dev.stride.json.JsonBody;
import dev.stride.problems.ProblemException;
import dev.stride.problems.ProblemException.Reason;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A user's tokens: {@code /api/tokens}. Every valid token manages its own user's; {@code admin}
 * every user's. A new token gets no scope its creator lacks.
 */
@Path("tokens")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.TOKEN)
@Tag(name = "access")
public class TokensResource {
  @Inject TokenStore tokens;
  @Inject CurrentCaller current;

  @POST
  @JsonBody
  @Operation(
      summary = "Create a token",
      description =
          "For the caller's user, or (with admin) any user's. The answer holds the secret, which"
              + " is shown this once.")
  @APIResponse(
      responseCode = "201",
      description = "The token, with its secret.",
      content = @Content(schema = @Schema(ref = "Token")))
  @APIResponse(responseCode = "400", ref = "InvalidBody")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public Response createToken(NewToken request) {
    Caller caller = current.get();
    String userId = request.userId() == null ? caller.userId() : request.userId();
    current.requireActsFor(userId);
    if (!caller.mayGrant(request.scopes())) {
      throw new ProblemException(
          Reason.FORBIDDEN, "A token can grant no scope that the token creating it lacks.");
    }
    TokenStore.Created created =
        tokens.create(userId, request.name(), request.scopes(), request.expiresAt());
    return Response.status(Status.CREATED)
        .entity(TokenView.of(created.token(), created.secret()).json())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  @GET
  @Operation(
      summary = "List tokens",
      description = "A user's tokens without secrets, newest first.")
  @APIResponse(
      responseCode = "200",
      description = "The tokens.",
      content = @Content(schema = @Schema(ref = "TokenList")))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public Response listTokens(
      @Parameter(
              description = "Whose tokens (another user's needs admin); the caller's by default.")
          @QueryParam("userId")
          String userId) {
    String whose = Optional.ofNullable(userId).orElse(current.get().userId());
    List<TokenView> views = tokens.list(whose).stream().map(t -> TokenView.of(t, null)).toList();
    return Response.ok(TokenView.list(views), MediaType.APPLICATION_JSON_TYPE).build();
  }

  @DELETE
  @Path("{id}")
  @Produces(MediaType.WILDCARD)
  @Operation(
      summary = "Delete (revoke) a token",
      description =
          "From the moment this is answered the token gets 401 on every backend. Another user's"
              + " token is 404 without admin.")
  @APIResponse(responseCode = "204", description = "Deleted.")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response deleteToken(
      @Parameter(description = "The token's id.") @PathParam("id") String id) {
    Optional<UUID> uuid = parse(id);
    if (uuid.isEmpty() || !tokens.delete(uuid.get(), current.get())) {
      throw new ProblemException(Reason.NOT_FOUND, "There is no token with this id.");
    }
    return Response.noContent().build();
  }

  private static Optional<UUID> parse(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
