package dev.stride.sessions.boundary;

import dev.stride.access.boundary.CurrentCaller;
import dev.stride.access.entity.Caller;
import dev.stride.access.entity.Roles;
import dev.stride.answers.JsonBytes;
import dev.stride.problems.FieldError;
import dev.stride.problems.InvalidInputException;
import dev.stride.problems.Problem;
import dev.stride.sessions.control.ChangePositions;
import dev.stride.sessions.control.SessionChanges;
import dev.stride.sessions.control.SessionChanges.Change;
import dev.stride.sessions.control.SessionChanges.Deletion;
import dev.stride.sessions.control.SessionChanges.Page;
import dev.stride.sessions.control.SessionChanges.Upsert;
import dev.stride.sessions.entity.UserId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The changes feed, {@code /api/sessions/changes}: how a client keeps a copy of sessions in sync.
 */
@Path("sessions/changes")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sessions")
public class ChangesResource {
  static final int DEFAULT_LIMIT = 100;

  /** What the document shows of an answer (written by {@link #bytes}). */
  @Schema(name = "ChangePage", description = "A page of the changes feed.")
  record ChangePage(
      List<ChangeItem> changes,
      @Schema(description = "The position to follow the feed from (opaque).") String next,
      @Schema(description = "Whether more changes were there when the page was read.")
          boolean hasMore) {}

  /** What the document shows of one change. */
  @Schema(
      name = "Change",
      description =
          "`upsert`: `session` is the session as it is now. `delete`: `id`, `userId` and `deletedAt` of a"
              + " deleted session.")
  record ChangeItem(
      @Schema(enumeration = {"upsert", "delete"}) String op,
      @Schema(ref = "Session", description = "Only with upsert.") SessionView session,
      @Schema(format = "uuid", description = "Only with delete.") String id,
      @Schema(description = "Only with delete.") String userId,
      @Schema(format = "date-time", description = "Only with delete.") String deletedAt) {}

  @Inject SessionChanges changes;
  @Inject ChangePositions positions;
  @Inject CurrentCaller current;

  @GET
  @Operation(
      summary = "Follow the changes of sessions",
      description =
          "Without `since`: no changes and the position \"now\"; take it, then list every session, then follow the"
              + " feed from it. With `since`: up to `limit` changes after it, each session once, at its last"
              + " change (`upsert` with the session as it is now, or `delete`), and `next`, the position to ask"
              + " from next time; `hasMore` is true exactly when more changes were there already. Following"
              + " `next` never misses a change and never returns one twice, however many writers commit at"
              + " once. Changes are in the order of the transactions that made them (those of one session in"
              + " the order they committed); a change becomes visible once every transaction older than it has"
              + " ended. Positions are opaque and bound to the `userId` filter. Without admin the feed is the"
              + " caller's own. Deletions are kept for STRIDE_CHANGES_RETENTION_DAYS (30); a position from"
              + " before the oldest kept deletion is 410: list everything again.")
  @APIResponse(
      responseCode = "200",
      description = "A page of changes.",
      content =
          @Content(
              schema = @Schema(implementation = ChangePage.class),
              examples =
                  @ExampleObject(
                      name = "an upsert and a delete",
                      value =
                          """
                          {"changes": [
                            {"op": "upsert", "session": {"id": "3f0c8f0e-6d2a-4c1e-9a53-2b7d0c9e4a11",
                             "userId": "u1", "activity": "running", "startedAt": "2026-11-01T06:00:00Z",
                             "durationSeconds": 1800, "distanceMeters": 10000.0, "calories": null,
                             "avgHeartRate": null, "maxHeartRate": null, "notes": null,
                             "createdAt": "2026-11-01T07:31:02.123456Z",
                             "updatedAt": "2026-11-02T08:00:00.5Z", "source": null}},
                            {"op": "delete", "id": "9b2d6a4e-2f1c-4d3b-8a7e-6c5b4a3d2e1f", "userId": "u1",
                             "deletedAt": "2026-11-02T08:01:00Z"}],
                           "next": "AAAAAAAAA-kBP...", "hasMore": false}""")))
  @APIResponse(
      responseCode = "400",
      description =
          "A position this server did not issue for this `userId` filter, an invalid `userId`, or `limit`"
              + " outside "
              + SessionListParameters.MIN_LIMIT
              + "..."
              + SessionListParameters.MAX_LIMIT
              + ".",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "410",
      description =
          "The position is from before the oldest kept deletion: take a new position, then list every session.",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  @APIResponse(responseCode = "500", ref = "Unexpected")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  @RolesAllowed(Roles.READ)
  public Response follow(
      @Parameter(description = "The `next` of the previous answer (opaque).") @QueryParam("since")
          String since,
      @Parameter(
              description = "Only this user's sessions (without admin: the caller's, the default).",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      pattern = UserId.PATTERN,
                      maxLength = UserId.MAX_LENGTH))
          @QueryParam("userId")
          String userId,
      @Parameter(
              description = "The most changes in one answer.",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      minimum = "" + SessionListParameters.MIN_LIMIT,
                      maximum = "" + SessionListParameters.MAX_LIMIT,
                      defaultValue = "" + DEFAULT_LIMIT))
          @QueryParam("limit")
          String limit) {
    List<FieldError> errors = new ArrayList<>();
    if (userId != null && !UserId.isValid(userId)) {
      errors.add(new FieldError("userId", UserId.RULE));
    }
    int size = SessionListParameters.limit(limit, DEFAULT_LIMIT, errors);
    InvalidInputException.throwIfAny(errors);
    Caller caller = current.get();
    String filter = userId != null || caller.isAdmin() ? userId : caller.userId();
    Page page =
        since == null
            ? new Page(List.of(), changes.now(), false)
            : changes.since(positions.read(since, filter), filter, size);
    return Response.ok(
            bytes(page, positions.issue(page.next(), filter)), MediaType.APPLICATION_JSON)
        .build();
  }

  private static byte[] bytes(Page page, String next) {
    return JsonBytes.of(
        128 + 400 * page.changes().size(),
        json -> {
          json.writeStartObject().writeStartArray("changes");
          page.changes().forEach(change -> write(json, change));
          json.writeEnd().write("next", next).write("hasMore", page.hasMore()).writeEnd();
        });
  }

  private static void write(JsonGenerator json, Change change) {
    json.writeStartObject();
    if (change instanceof Upsert upsert) {
      json.write("op", "upsert").writeStartObject("session");
      SessionJsonWriter.write(json, SessionView.of(upsert.session()));
    } else if (change instanceof Deletion deletion) {
      json.write("op", "delete")
          .write("id", deletion.id().toString())
          .write("userId", deletion.userId())
          .write("deletedAt", deletion.deletedAt().toString());
    }
    json.writeEnd();
  }
}
