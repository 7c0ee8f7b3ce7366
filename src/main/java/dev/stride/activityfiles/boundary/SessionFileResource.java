package dev.stride.activityfiles.boundary;

import dev.stride.access.entity.Roles;
import dev.stride.activityfiles.control.ActivityImports;
import dev.stride.activityfiles.control.ActivityImports.OriginalFile;
import dev.stride.problems.ProblemException;
import dev.stride.problems.ProblemException.Reason;
import dev.stride.sessions.entity.Session;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/sessions/{id}/file}: the file a session was imported from, as it was sent. */
@Path("sessions/{id}/file")
@ApplicationScoped
@Tag(name = "activity files")
public class SessionFileResource {
  @Inject OwnSessions sessions;
  @Inject ActivityImports imports;

  @GET
  @Produces({"application/gpx+xml", "application/vnd.garmin.tcx+xml", "application/vnd.ant.fit"})
  @Operation(
      summary = "An imported session's original file",
      description =
          "The file's bytes as imported (decompressed when it was sent gzipped), with its media type"
              + " and `Content-Disposition: attachment; filename=\"<id>.<gpx|tcx|fit>\"`.")
  @APIResponse(
      responseCode = "200",
      description = "The file.",
      headers =
          @Header(
              name = "Content-Disposition",
              description = "attachment; filename=\"<id>.<gpx|tcx|fit>\"",
              schema = @Schema(type = SchemaType.STRING)),
      content = {
        @Content(mediaType = "application/gpx+xml", schema = @Schema(ref = "ActivityFile")),
        @Content(
            mediaType = "application/vnd.garmin.tcx+xml",
            schema = @Schema(ref = "ActivityFile")),
        @Content(mediaType = "application/vnd.ant.fit", schema = @Schema(ref = "ActivityFile"))
      })
  @APIResponse(
      responseCode = "404",
      description = "No such session (or another user's), or a session that was not imported.",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  @APIResponse(responseCode = "500", ref = "Unexpected")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  @RolesAllowed(Roles.READ)
  public Response readFile(
      @Parameter(description = "The session's id.") @PathParam("id") String id) {
    Session session = sessions.find(id);
    OriginalFile file =
        imports
            .file(session.id())
            .orElseThrow(
                () ->
                    new ProblemException(
                        Reason.NOT_FOUND,
                        "session " + session.id() + " was sent as JSON, not imported from a file"));
    return Response.ok(file.content(), file.format().mediaType())
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + session.id() + "." + file.format().wireName() + "\"")
        .build();
  }
}
