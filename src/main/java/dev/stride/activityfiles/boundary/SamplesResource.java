package dev.stride.activityfiles.boundary;

import dev.stride.access.entity.Roles;
import dev.stride.activityfiles.control.SampleStore;
import dev.stride.activityfiles.entity.Sample;
import dev.stride.problems.InvalidInputException;
import dev.stride.sessions.entity.Session;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/sessions/{id}/samples}: an imported session's samples, thinned on request. */
@Path("sessions/{id}/samples")
@ApplicationScoped
@Tag(name = "activity files")
public class SamplesResource {
  static final int MIN_POINTS = 2;
  static final int MAX_POINTS = 100_000;
  static final String POINTS_RULE = "must be an integer from " + MIN_POINTS + " to " + MAX_POINTS;

  /** The fields of each point, in the order of its array. */
  static final List<String> FIELDS =
      List.of(
          "offsetSeconds",
          "latitude",
          "longitude",
          "elevationMeters",
          "distanceMeters",
          "heartRate",
          "cadence",
          "powerWatts",
          "speedMetersPerSecond");

  @Inject OwnSessions sessions;
  @Inject SampleStore samples;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "An imported session's samples",
      description =
          "One array per sample, in time order, its values in the order of `fields`; null where the"
              + " file had no value, except `distanceMeters`: the file's own cumulative distance"
              + " when it has one, otherwise summed along the track (null only before the first"
              + " position, or without positions). `offsetSeconds` is the time since the first"
              + " sample. With `maxPoints`, at most that many samples, evenly spaced by index,"
              + " always the first and the last. A session sent as JSON has `points: []`.")
  @APIResponse(
      responseCode = "200",
      description = "The samples.",
      content = @Content(schema = @Schema(ref = "Samples")))
  @APIResponse(
      responseCode = "400",
      description = "`maxPoints` is not an integer from 2 to 100000.",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  @APIResponse(responseCode = "404", ref = "SessionNotFound")
  @APIResponse(responseCode = "500", ref = "Unexpected")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  @RolesAllowed(Roles.READ)
  public byte[] readSamples(
      @Parameter(description = "The session's id.") @PathParam("id") String id,
      @Parameter(
              description = "At most this many samples (2…100000), evenly spaced by index.",
              schema = @Schema(minimum = "2", maximum = "100000"))
          @QueryParam("maxPoints")
          String maxPoints) {
    Session session = sessions.find(id);
    int limit = limit(maxPoints);
    List<Sample> all = session.source() == null ? List.of() : samples.read(session.id());
    return json(session, Thinning.evenly(all, limit));
  }

  private static int limit(String maxPoints) {
    if (maxPoints == null) {
      return Integer.MAX_VALUE;
    }
    try {
      int n = Integer.parseInt(maxPoints);
      if (n >= MIN_POINTS && n <= MAX_POINTS) {
        return n;
      }
    } catch (NumberFormatException e) {
      // named below
    }
    throw new InvalidInputException("maxPoints", POINTS_RULE);
  }

  /**
   * The answer, written straight into text: every value is a number, null or the session's UUID,
   * none needs escaping, and Java's shortest round-trip text of a double is a JSON number. A JSON-P
   * generator took a quarter of the request's time for 3,600 points (async-profiler).
   */
  private static byte[] json(Session session, List<Sample> points) {
    StringBuilder json = new StringBuilder(128 + points.size() * 96);
    json.append("{\"sessionId\":\"").append(session.id()).append("\",\"fields\":[");
    for (int f = 0; f < FIELDS.size(); f++) {
      json.append(f == 0 ? "\"" : ",\"").append(FIELDS.get(f)).append('"');
    }
    json.append("],\"points\":[");
    Instant first = points.isEmpty() ? null : points.get(0).time();
    for (int p = 0; p < points.size(); p++) {
      Sample s = points.get(p);
      json.append(p == 0 ? "[" : ",[").append(offset(first, s.time()).toPlainString());
      number(json, s.latitude());
      number(json, s.longitude());
      number(json, s.elevationMeters());
      number(json, s.distanceMeters());
      number(json, s.heartRate());
      number(json, s.cadence());
      number(json, s.powerWatts());
      number(json, s.speedMetersPerSecond());
      json.append(']');
    }
    return json.append("]}").toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Seconds since the first sample: an integer for whole seconds, else to the microsecond. */
  private static BigDecimal offset(Instant first, Instant time) {
    Duration since = Duration.between(first, time);
    return since.getNano() == 0
        ? BigDecimal.valueOf(since.getSeconds())
        : BigDecimal.valueOf(since.getSeconds() * 1_000_000 + since.getNano() / 1000, 6)
            .stripTrailingZeros();
  }

  private static void number(StringBuilder json, Number value) {
    json.append(',');
    if (value == null) {
      json.append("null");
    } else {
      json.append(value);
    }
  }
}
