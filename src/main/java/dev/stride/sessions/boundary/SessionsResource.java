package dev.stride.sessions.boundary;

import dev.stride.access.boundary.CurrentCaller;
import dev.stride.access.entity.Caller;
import dev.stride.access.entity.Roles;
import dev.stride.answers.AnswerCache;
import dev.stride.answers.AnswerCache.Kept;
import dev.stride.answers.ETags;
import dev.stride.json.JsonBodies;
import dev.stride.json.JsonBody;
import dev.stride.openapi.SharedParameters;
import dev.stride.operations.control.RequestIds;
import dev.stride.problems.Problem;
import dev.stride.sessions.boundary.SessionListParameters.PageRequest;
import dev.stride.sessions.control.Cursors;
import dev.stride.sessions.control.Cursors.Position;
import dev.stride.sessions.control.SessionEditor;
import dev.stride.sessions.control.SessionEditor.Edited;
import dev.stride.sessions.control.SessionFinder;
import dev.stride.sessions.control.SessionFinder.Page;
import dev.stride.sessions.control.SessionNotFoundException;
import dev.stride.sessions.control.SessionQuery;
import dev.stride.sessions.control.SessionRecorder;
import dev.stride.sessions.control.SessionRecorder.Recorded;
import dev.stride.sessions.control.SessionRecorder.RecordedBatch;
import dev.stride.sessions.control.UserVersions;
import dev.stride.sessions.entity.Session;
import dev.stride.sessions.entity.SessionRules;
import dev.stride.sessions.entity.UserId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Variant;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Records sessions and reads them back: {@code /api/sessions}. */
@Path("sessions")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sessions")
public class SessionsResource {
  private static final Pattern CANONICAL_UUID = Pattern.compile(SessionInput.UUID_TEXT);

  /** Examples of a 400, made of the rules they show. */
  private static final String INVALID_FIELDS_EXAMPLE =
      "{\"type\": \"about:blank\", \"title\": \"Bad Request\", \"status\": 400,"
          + " \"detail\": \"2 fields are invalid\", \"errors\": ["
          + "{\"field\": \"userId\", \"message\": \""
          + UserId.RULE
          + "\"}, {\"field\": \"durationSeconds\", \"message\": \""
          + SessionRules.DURATION_RULE
          + "\"}]}";

  private static final String INVALID_ITEMS_EXAMPLE =
      "{\"type\": \"about:blank\", \"title\": \"Bad Request\", \"status\": 400,"
          + " \"detail\": \"2 fields are invalid\", \"errors\": ["
          + "{\"field\": \"[0].durationSeconds\", \"message\": \""
          + SessionRules.DURATION_RULE
          + "\"}, {\"field\": \"[3].id\", \"message\": \"repeats the id of item [1]\"}]}";

  @Inject SessionRecorder recorder;
  @Inject SessionFinder finder;
  @Inject CurrentCaller current;
  @Inject Locations locations;
  @Inject Cursors cursors;
  @Inject UserVersions versions;
  @Inject AnswerCache answers;
  @Inject SessionEditor editor;
  @Inject SessionInputs inputs;

  private static final MediaType CSV = MediaType.valueOf(SessionsCsv.MEDIA_TYPE);

  /** What a list can answer, JSON first: a client that takes either gets JSON. */
  private static final List<Variant> ANSWERS =
      Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, CSV).build();

  /** The media type of a PATCH body (RFC 7396). */
  static final String MERGE_PATCH = MergePatch.MEDIA_TYPE;

  @POST
  @JsonBody
  @Operation(
      summary = "Record one session",
      description =
          "With a client-chosen `id`, a retry is safe: the same content under a stored id answers 200 with the stored"
              + " session and stores nothing; other content under it answers 409. Concurrent POSTs of one new id store"
              + " exactly one session.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "SessionInput"),
              examples =
                  @ExampleObject(
                      name = "a run",
                      value =
                          """
                          {"id": "3f0c8f0e-6d2a-4c1e-9a53-2b7d0c9e4a11", "userId": "u1", "activity": "running",
                           "startedAt": "2026-11-01T07:00:00+01:00", "durationSeconds": 1800,
                           "distanceMeters": 5000.0, "calories": 300, "avgHeartRate": 141, "maxHeartRate": 182,
                           "notes": "Easy run by the river"}""")))
  @APIResponse(
      responseCode = "201",
      description = "Stored.",
      headers =
          @Header(
              name = "Location",
              description = "The new session's URL.",
              schema = @Schema(type = SchemaType.STRING, format = "uri")),
      content = @Content(schema = @Schema(ref = "Session")))
  @APIResponse(
      responseCode = "200",
      description = "A retry: this session was stored already, nothing changed.",
      content = @Content(schema = @Schema(ref = "Session")))
  @APIResponse(
      responseCode = "400",
      description =
          "Not valid JSON, not an object, a missing or null required field, a wrong JSON type, a broken rule or an"
              + " unknown property; `errors` lists every invalid field.",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(ref = "Problem"),
              examples =
                  @ExampleObject(name = "two invalid fields", value = INVALID_FIELDS_EXAMPLE)))
  @APIResponse(
      responseCode = "409",
      description = "Another session is stored under this id.",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "413",
      description = "The body is over " + (SessionBodyReader.MAX_BODY_BYTES >> 20) + " MiB.",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  @APIResponse(responseCode = "415", ref = "NotJson")
  @APIResponse(responseCode = "500", ref = "Unexpected")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  @RolesAllowed(Roles.WRITE)
  public void record(SessionInput input, @Suspended AsyncResponse answer) {
    // The request thread goes back to the pool: the answer comes once the group is committed,
    // on the writer's thread, which answers (and logs) under this request's id.
    String requestId = RequestIds.current();
    recorder
        .record(input.toSession())
        .whenComplete(
            (recorded, failure) -> {
              try (RequestIds.Scope scope = RequestIds.enter(requestId)) {
                resume(answer, recorded, failure);
              }
            });
  }

  private void resume(AsyncResponse answer, Recorded recorded, Throwable failure) {
    if (failure != null) {
      answer.resume(failure instanceof CompletionException ? failure.getCause() : failure);
      return;
    }
    answer.resume(locations.stored(recorded.session(), recorded.created()));
  }

  @POST
  @Path("batch")
  @JsonBody
  @Operation(
      summary = "Record many sessions at once",
      description =
          "A JSON array of 1 to "
              + SessionBodyReader.MAX_BATCH_SIZE
              + " sessions, each as for POST /api/sessions. All or nothing: when any item is invalid the answer is 400"
              + " listing every invalid field as `[i].field`, and when any item's id is stored with other content it is"
              + " 409; either way nothing is stored. The same id twice in one batch is invalid (`[i].id` names the"
              + " later item). Items stored already with the same content count as `existing`, so a retried batch"
              + " answers 200.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.ARRAY,
                      implementation = SessionInput.class,
                      minItems = 1,
                      maxItems = SessionBodyReader.MAX_BATCH_SIZE)))
  @APIResponse(
      responseCode = "201",
      description = "At least one session was created.",
      content = @Content(schema = @Schema(ref = "BatchResult")))
  @APIResponse(
      responseCode = "200",
      description = "Every session was stored already (a retried batch); nothing changed.",
      content = @Content(schema = @Schema(ref = "BatchResult")))
  @APIResponse(
      responseCode = "400",
      description =
          "Not a JSON array of 1 to "
              + SessionBodyReader.MAX_BATCH_SIZE
              + " objects, or invalid items: `errors` names every invalid field as `[i].field`.",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(ref = "Problem"),
              examples = @ExampleObject(name = "invalid items", value = INVALID_ITEMS_EXAMPLE)))
  @APIResponse(
      responseCode = "409",
      description = "An item's id is stored with other content; nothing was stored.",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "413",
      description = "The body is over " + (SessionBodyReader.MAX_BATCH_BODY_BYTES >> 20) + " MiB.",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  @APIResponse(responseCode = "415", ref = "NotJson")
  @APIResponse(responseCode = "500", ref = "Unexpected")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  @RolesAllowed(Roles.WRITE)
  public Response recordBatch(List<SessionInput> inputs) {
    List<Session> sessions = inputs.stream().map(SessionInput::toSession).toList();
    RecordedBatch recorded = recorder.recordAll(sessions);
    BatchResult result =
        new BatchResult(
            recorded.created(),
            recorded.existing(),
            sessions.stream().map(s -> s.id().toString()).toList());
    return Response.status(recorded.created() > 0 ? Status.CREATED : Status.OK)
        .entity(result)
        .build();
  }

  @GET
  @Operation(
      summary = "List or export sessions",
      description =
          "Newest first unless `order=asc`, ties broken by id. Follow `nextCursor` to get every match exactly once;"
              + " a page costs the same however deep it is. With `Accept: text/csv`, every match as CSV.")
  @APIResponse(
      responseCode = "200",
      description =
          "A page of sessions; with `Accept: text/csv` the export instead: every matching session (`limit` and"
              + " `cursor` do not apply), streamed as RFC 4180 CSV with CRLF line ends and a header row,"
              + " timestamps as in JSON, `.` as the decimal point, empty cells for absent values (and empty notes),"
              + " with `Content-Disposition: attachment; filename=\"sessions.csv\"`. Values are written as they"
              + " are: a cell such as `=1+1` is a formula to a spreadsheet.",
      content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SessionPage")),
        @Content(
            mediaType = SessionsCsv.MEDIA_TYPE,
            schema = @Schema(ref = "SessionsCsv"),
            examples =
                @ExampleObject(
                    name = "one session",
                    value =
                        "id,userId,activity,startedAt,durationSeconds,distanceMeters,calories,avgHeartRate,"
                            + "maxHeartRate,notes,createdAt,updatedAt\r\n"
                            + "3f0c8f0e-6d2a-4c1e-9a53-2b7d0c9e4a11,u1,running,2026-11-01T06:00:00Z,1800,5000.0,"
                            + "300,141,182,\"Easy run, by the river\",2026-11-01T07:31:02.123456Z,"
                            + "2026-11-01T07:31:02.123456Z\r\n"))
      })
  @APIResponse(
      responseCode = "400",
      description =
          "An invalid parameter: unknown activity, bad timestamp, `from` not before `to`, `limit` outside "
              + SessionListParameters.MIN_LIMIT
              + "..."
              + SessionListParameters.MAX_LIMIT
              + ", or a cursor this server did not issue for this query.",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  @APIResponse(responseCode = "500", ref = "Unexpected")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  // Payara's OpenAPI does not look into @BeanParam classes (and an @Parameter there breaks the
  // whole document), so the operation names its parameters itself.
  @Parameters({
    @Parameter(ref = SharedParameters.USER_FILTER),
    @Parameter(ref = "activity"),
    @Parameter(ref = "from"),
    @Parameter(ref = "to"),
    @Parameter(ref = SharedParameters.ORDER),
    @Parameter(
        name = "limit",
        in = ParameterIn.QUERY,
        description = "Page size.",
        schema =
            @Schema(
                type = SchemaType.INTEGER,
                format = "int32",
                minimum = "" + SessionListParameters.MIN_LIMIT,
                maximum = "" + SessionListParameters.MAX_LIMIT,
                defaultValue = "" + SessionListParameters.DEFAULT_LIMIT)),
    @Parameter(
        name = "cursor",
        in = ParameterIn.QUERY,
        description = "The nextCursor of the previous page (opaque).",
        schema = @Schema(type = SchemaType.STRING))
  })
  @RolesAllowed(Roles.READ)
  @Produces({MediaType.APPLICATION_JSON, SessionsCsv.MEDIA_TYPE})
  public Response list(@BeanParam SessionListParameters parameters, @Context Request negotiation) {
    // One method for both answers: Payara's document keeps one operation per path and method.
    Variant chosen = negotiation.selectVariant(ANSWERS);
    if (chosen != null && CSV.equals(chosen.getMediaType())) {
      return export(parameters);
    }
    PageRequest request = parameters.read().forCaller(current.get());
    SessionQuery query = request.query();
    Position after = request.cursor() == null ? null : cursors.read(query, request.cursor());
    if (query.userId() == null) {
      return Response.ok(page(query, after, request.size())).build();
    }
    // One user's page: kept per version of that user's sessions, like their statistics. The
    // version is read before the page, so a kept page is never older than its version.
    String key = request.key();
    long version = versions.of(query.userId());
    Kept page =
        answers
            .current(key, version)
            .orElseGet(
                () ->
                    answers.keep(
                        key,
                        new Kept(
                            version, SessionJsonWriter.bytes(page(query, after, request.size())))));
    return Response.ok(page.bytes(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  private Response export(SessionListParameters parameters) {
    SessionQuery query = parameters.exported(current.get());
    return Response.ok(SessionsCsv.of(finder, query), SessionsCsv.MEDIA_TYPE + "; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"sessions.csv\"")
        .build();
  }

  private SessionPage page(SessionQuery query, Position after, int pageSize) {
    Page page = finder.list(query, after, pageSize);
    return new SessionPage(
        page.sessions().stream().map(SessionView::of).toList(),
        page.next() == null ? null : cursors.issue(query, page.next()));
  }

  @GET
  @Path("{id}")
  @Operation(
      summary = "Read one session",
      description =
          "Answers carry a strong `ETag` (of the session's representation) and `Cache-Control: private,"
              + " no-cache`; with `If-None-Match` holding the current ETag the answer is 304 without"
              + " a body.")
  @APIResponse(
      responseCode = "200",
      description = "The session.",
      headers = {
        @Header(name = "ETag", ref = "ETag"),
        @Header(name = "Cache-Control", ref = "Cache-Control")
      },
      content = @Content(schema = @Schema(ref = "Session")))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "404", ref = "SessionNotFound")
  @APIResponse(responseCode = "500", ref = "Unexpected")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  @RolesAllowed(Roles.READ)
  public Response read(
      @Parameter(description = "The session's id.") @PathParam("id") String id,
      @Context Request request) {
    Caller caller = current.get();
    SessionView session =
        uuid(id)
            .flatMap(finder::find)
            .filter(found -> caller.mayActFor(found.userId())) // another user's: as if absent
            .map(SessionView::of)
            .orElseThrow(() -> new SessionNotFoundException(id));
    byte[] body = SessionJsonWriter.bytes(session);
    EntityTag tag = ETags.ofBytes(body);
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    return ETags.revalidated(
        notModified != null ? notModified : Response.ok(body, MediaType.APPLICATION_JSON_TYPE),
        tag);
  }

  @DELETE
  @Path("{id}")
  // Any Accept will do: a 204 has no body, and a 404 is a problem whatever was asked for. A client
  // generated from the document sends Accept: application/problem+json, the only media type of
  // this operation's answers; the class's application/json made that a 406.
  @Produces(MediaType.WILDCARD)
  @Operation(
      summary = "Delete one session",
      description =
          "Statistics no longer count it; the changes feed shows its deletion. With `If-Match`, only while its"
              + " ETag is one of those named (`*`: any).")
  @APIResponse(responseCode = "204", description = "Deleted.")
  @APIResponse(responseCode = "404", ref = "SessionNotFound")
  @APIResponse(responseCode = "412", ref = "ChangedElsewhere")
  @APIResponse(responseCode = "500", ref = "Unexpected")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  @RolesAllowed(Roles.WRITE)
  public Response delete(
      @Parameter(description = "The session's id.") @PathParam("id") String id,
      @Parameter(ref = "If-Match") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    Caller caller = current.get();
    String onlyOf = caller.isAdmin() ? null : caller.userId();
    UUID uuid = uuid(id).orElseThrow(() -> new SessionNotFoundException(id));
    if (ifMatch != null) {
      editor.delete(uuid, onlyOf, stored -> ETags.ifMatchHolds(ifMatch, tagOf(stored)));
    } else if (!finder.delete(uuid, onlyOf)) {
      throw new SessionNotFoundException(id);
    }
    return Response.noContent().build();
  }

  @PATCH
  @Path("{id}")
  @Operation(
      summary = "Change a session",
      description =
          "A JSON merge patch (RFC 7396) with `Content-Type: "
              + MERGE_PATCH
              + "`. The patched session must pass every rule of POST; a 400 lists every invalid field of the"
              + " patch and of the result, and nothing changes. With `If-Match`, the session changes only while"
              + " its ETag is one of those named (`*`: any); otherwise 412. A patch that changes nothing answers"
              + " 200 and leaves `updatedAt`, the ETag and the changes feed as they were. Answers are checked in"
              + " the contract's order: 404, 415, 413, 400, 412.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MERGE_PATCH,
              schema = @Schema(implementation = SessionPatch.Document.class),
              examples =
                  @ExampleObject(
                      name = "fix the distance, drop the notes",
                      value = "{\"distanceMeters\": 10000.0, \"notes\": null}")))
  @APIResponse(
      responseCode = "200",
      description = "The session as it is now.",
      headers = {
        @Header(name = "ETag", ref = "ETag"),
        @Header(name = "Cache-Control", ref = "Cache-Control")
      },
      content = @Content(schema = @Schema(ref = "Session")))
  @APIResponse(
      responseCode = "400",
      description =
          "Not a JSON object, a refused property (id, userId, createdAt, updatedAt, source, unknown), null for a"
              + " required field, a wrong JSON type, or a result that breaks a rule; `errors` lists them all.",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  @APIResponse(responseCode = "404", ref = "SessionNotFound")
  @APIResponse(responseCode = "412", ref = "ChangedElsewhere")
  @APIResponse(
      responseCode = "413",
      description = "The body is over " + (SessionBodyReader.MAX_BODY_BYTES >> 20) + " MiB.",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "415",
      description = "The body is not sent as " + MERGE_PATCH + ".",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  @APIResponse(responseCode = "500", ref = "Unexpected")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  @RolesAllowed(Roles.WRITE)
  public Response change(
      @Parameter(description = "The session's id.") @PathParam("id") String id,
      @Parameter(ref = "If-Match") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Context HttpHeaders headers,
      InputStream body) {
    Caller caller = current.get();
    String onlyOf = caller.isAdmin() ? null : caller.userId();
    // The contract's order: 404 before 415, 413 and 400, so the session is looked up first (and
    // again, locked, when the patch is applied).
    UUID uuid =
        uuid(id)
            .filter(
                known -> finder.find(known).filter(s -> caller.mayActFor(s.userId())).isPresent())
            .orElseThrow(() -> new SessionNotFoundException(id));
    if (!MergePatch.isMergePatch(headers)) {
      throw new NotSupportedException();
    }
    SessionPatch patch =
        JsonBodies.read(
            body,
            JsonBodies.declaredLength(headers.getRequestHeaders()),
            SessionBodyReader.MAX_BODY_BYTES,
            SessionPatch::read);
    Edited edited =
        editor.change(
            uuid,
            onlyOf,
            stored -> patch.applyTo(stored, inputs),
            stored -> ifMatch == null || ETags.ifMatchHolds(ifMatch, tagOf(stored)));
    byte[] answer = SessionJsonWriter.bytes(SessionView.of(edited.session()));
    return ETags.revalidated(
        Response.ok(answer, MediaType.APPLICATION_JSON_TYPE), ETags.ofBytes(answer));
  }

  /** The ETag of a session: that of the JSON answer of GET /api/sessions/{id}. */
  private static EntityTag tagOf(Session session) {
    return ETags.ofBytes(SessionJsonWriter.bytes(SessionView.of(session)));
  }

  private static Optional<UUID> uuid(String text) {
    return CANONICAL_UUID.matcher(text).matches()
        ? Optional.of(UUID.fromString(text))
        : Optional.empty();
  }
}
