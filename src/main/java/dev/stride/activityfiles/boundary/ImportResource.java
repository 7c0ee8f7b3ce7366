package dev.stride.activityfiles.boundary;

import dev.stride.access.boundary.CurrentCaller;
import dev.stride.access.entity.Roles;
import dev.stride.activityfiles.control.ActivityFileReader;
import dev.stride.activityfiles.control.ActivityImports;
import dev.stride.activityfiles.control.ActivityImports.Imported;
import dev.stride.activityfiles.control.FileTooLargeException;
import dev.stride.activityfiles.control.UnreadableFileException;
import dev.stride.activityfiles.entity.FileFormat;
import dev.stride.problems.FieldError;
import dev.stride.problems.InvalidInputException;
import dev.stride.problems.Problem;
import dev.stride.problems.ProblemException;
import dev.stride.problems.ProblemException.Reason;
import dev.stride.sessions.boundary.Locations;
import dev.stride.sessions.entity.Activity;
import dev.stride.sessions.entity.SessionRules;
import dev.stride.sessions.entity.UserId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/sessions/import}: a session from a file of a watch or an app. */
@Path("sessions/import")
@ApplicationScoped
@Tag(name = "activity files")
public class ImportResource {
  static final String GZIP = "application/gzip";

  @Inject ActivityImports imports;
  @Inject CurrentCaller caller;
  @Inject Locations locations;
  @Inject ImportBudget budget;

  @POST
  @Consumes({
    "application/gpx+xml",
    "application/vnd.garmin.tcx+xml",
    "application/vnd.ant.fit",
    GZIP
  })
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Import an activity file",
      description =
          "The body is a GPX 1.0/1.1, TCX or FIT file (activity files, or any FIT file whose record"
              + " messages carry timestamps), or any of them gzipped (`application/gzip`; its format is"
              + " then told from its content, and \"the file\" is the decompressed one: it is hashed,"
              + " kept and returned). Files up to 16 MiB, compressed or not. The session's fields come"
              + " from the file by the contract's rules (see the description of the API); the same"
              + " file again for the same user is answered 200 with the session stored the first"
              + " time. `userId` defaults to the caller's. Readings where the contract is silent:"
              + " samples are taken in time order and a sample at the same time as the one before is"
              + " dropped; `durationSeconds` is rounded to the nearest second; a heart rate of 0 (a"
              + " strap without contact) is no value; the time-weighted mean lets each heart rate hold"
              + " until the next sample that has one. A DOCTYPE (and so any entity) in a GPX or TCX"
              + " file is refused.")
  @RequestBody(
      required = true,
      content = {
        @Content(mediaType = "application/gpx+xml", schema = @Schema(ref = "ActivityFile")),
        @Content(
            mediaType = "application/vnd.garmin.tcx+xml",
            schema = @Schema(ref = "ActivityFile")),
        @Content(mediaType = "application/vnd.ant.fit", schema = @Schema(ref = "ActivityFile")),
        @Content(mediaType = GZIP, schema = @Schema(ref = "ActivityFile"))
      })
  @APIResponse(
      responseCode = "201",
      description = "Imported: a new session, with `source` set.",
      headers =
          @Header(
              name = "Location",
              description = "The new session's URL.",
              schema = @Schema(type = SchemaType.STRING, format = "uri")),
      content = @Content(schema = @Schema(ref = "Session")))
  @APIResponse(
      responseCode = "200",
      description = "This user imported the same file before: the session stored then.",
      content = @Content(schema = @Schema(ref = "Session")))
  @APIResponse(
      responseCode = "400",
      description =
          "A file that cannot be read (corrupt, truncated, not of its format, a DOCTYPE), holds no"
              + " timed samples or more than one activity; an invalid `userId`, `activity` or"
              + " `notes`; or a session that would break a rule of the session resource (`errors`"
              + " names the field).",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "413",
      description = "The file is over 16 MiB (compressed or, once decompressed, not).",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "415",
      description = "The Content-Type is none of the four.",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  @APIResponse(responseCode = "500", ref = "Unexpected")
  @APIResponse(
      responseCode = "503",
      description =
          "The database cannot be reached, or other files are being imported and this one found no"
              + " room within 20 s (a backend reads at most STRIDE_IMPORT_BUDGET_MIB of files at once):"
              + " send it again after Retry-After.",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  @RolesAllowed(Roles.WRITE)
  public Response importFile(
      InputStream body,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      @Parameter(description = "Whose session it is; the caller's when not given.")
          @QueryParam("userId")
          String userId,
      @Parameter(description = "The session's activity; the file's sport when not given.")
          @QueryParam("activity")
          String activity,
      @Parameter(
              description =
                  "The session's notes; the file's track or activity name when not given.")
          @QueryParam("notes")
          String notes) {
    if (type == null) {
      throw new NotSupportedException("a file needs a Content-Type");
    }
    boolean gzipped = GZIP.equalsIgnoreCase(type.getType() + "/" + type.getSubtype());
    if (length != null && length > ActivityFileReader.MAX_FILE_BYTES) {
      throw tooLarge(); // said before reading a byte, and without waiting for room
    }
    try (ImportBudget.Reservation room = budget.reserve(length, gzipped)) {
      return importFile(body, type, length, gzipped, userId, activity, notes);
    }
  }

  private Response importFile(
      InputStream body,
      MediaType type,
      Long length,
      boolean gzipped,
      String userId,
      String activity,
      String notes) {
    byte[] file = file(body, length, gzipped);
    ImportQuery query = ImportQuery.check(userId, activity, notes, caller.get().userId());
    Imported imported;
    try {
      FileFormat declared =
          gzipped
              ? null
              : FileFormat.ofMediaType(type.getType() + "/" + type.getSubtype()).orElseThrow();
      imported =
          imports.importFile(query.userId(), declared, file, query.activity(), query.notes());
    } catch (UnreadableFileException e) {
      throw new ProblemException(Reason.INVALID, "The file cannot be imported: " + e.getMessage());
    }
    return locations.stored(imported.session(), imported.created());
  }

  /** The file's bytes, decompressed when gzipped; a 413 beyond the limit, either way. */
  private static byte[] file(InputStream body, Long length, boolean gzipped) {
    int max = ActivityFileReader.MAX_FILE_BYTES;
    try {
      byte[] sent = body.readNBytes(max + 1);
      if (sent.length > max) {
        throw tooLarge();
      }
      return gzipped ? ActivityFileReader.gunzip(sent, max) : sent;
    } catch (FileTooLargeException e) {
      throw tooLarge();
    } catch (UnreadableFileException e) {
      throw new ProblemException(Reason.INVALID, "The file cannot be imported: " + e.getMessage());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // the client went away: logged as its mistake
    }
  }

  private static ProblemException tooLarge() {
    return new ProblemException(
        Reason.TOO_LARGE,
        "The file is larger than " + (ActivityFileReader.MAX_FILE_BYTES >> 20) + " MiB.");
  }

  /** The query's values, checked: every invalid one named at once. */
  record ImportQuery(String userId, Activity activity, String notes) {
    static ImportQuery check(String userId, String activity, String notes, String callerId) {
      List<FieldError> errors = new ArrayList<>();
      String user = userId == null ? callerId : userId;
      if (UserId.parse(user).isEmpty()) {
        errors.add(new FieldError("userId", UserId.RULE));
      }
      Activity chosen = null;
      if (activity != null) {
        chosen = Activity.fromWireName(activity).orElse(null);
        if (chosen == null) {
          errors.add(new FieldError("activity", SessionRules.ACTIVITY_RULE));
        }
      }
      if (notes != null && !SessionRules.fits(notes, SessionRules.MAX_NOTES_CODE_POINTS)) {
        errors.add(new FieldError("notes", SessionRules.NOTES_RULE));
      } else if (notes != null && !SessionRules.isStorable(notes)) {
        errors.add(new FieldError("notes", SessionRules.STORABLE_TEXT_RULE));
      }
      InvalidInputException.throwIfAny(errors);
      return new ImportQuery(user, chosen, notes);
    }
  }
}
