package dev.stride.statistics.boundary;

import dev.stride.answers.AnswerCache;
import dev.stride.answers.AnswerCache.Kept;
import dev.stride.answers.ETags;
import dev.stride.problems.FieldError;
import dev.stride.problems.InvalidInputException;
import dev.stride.sessions.boundary.QueryParameters;
import dev.stride.sessions.boundary.QueryParameters.Period;
import dev.stride.sessions.control.UserVersions;
import dev.stride.sessions.entity.Activity;
import dev.stride.sessions.entity.UserId;
import dev.stride.statistics.control.Bucket;
import dev.stride.statistics.control.SeriesItem;
import dev.stride.statistics.control.StatisticsFilter;
import dev.stride.statistics.control.StatisticsQuery;
import dev.stride.statistics.control.Summary;
import dev.stride.statistics.control.Versioned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A user's statistics and series: {@code /api/users/{userId}/stats}. */
@Path("users/{userId}/stats")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "statistics")
public class StatisticsResource {
  private static final String DEFAULT_ZONE = "UTC";

  private static final String USER_ID = "The user's id; it " + UserId.RULE + ".";
  private static final String TZ =
      "IANA time-zone id deciding calendar days (see the readings of the contract).";

  /** The revision of the answers' JSON, part of every ETag. */
  private static final String REPRESENTATION = "statistics-1";

  @Inject StatisticsQuery query;
  @Inject UserVersions versions;
  @Inject AnswerCache answers;

  @GET
  @Operation(
      summary = "A user's statistics",
      description =
          "Totals, averages, first and last session, active days and the longest streak of"
              + " consecutive active days (calendar days in `tz`), and totals per activity. A user"
              + " without (matching) sessions gets zero counts, 0 sums, null averages and an empty"
              + " `byActivity`.")
  @APIResponse(
      responseCode = "200",
      description = "The statistics.",
      headers = {
        @Header(name = "ETag", ref = "ETag"),
        @Header(name = "Cache-Control", ref = "Cache-Control")
      },
      content = @Content(schema = @Schema(ref = "UserStats")))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "InvalidStatisticsQuery")
  @APIResponse(responseCode = "500", ref = "Unexpected")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public Response summarise(
      @Parameter(
              description = USER_ID,
              schema = @Schema(pattern = UserId.PATTERN, maxLength = UserId.MAX_LENGTH),
              example = "u1")
          @PathParam("userId")
          String userId,
      @Parameter(ref = "from") @QueryParam("from") String from,
      @Parameter(ref = "to") @QueryParam("to") String to,
      @Parameter(ref = "activity") @QueryParam("activity") List<String> activity,
      @Parameter(
              description = TZ,
              schema = @Schema(defaultValue = DEFAULT_ZONE, example = "Europe/Rome"))
          @QueryParam("tz")
          String tz,
      @Context Request request) {
    List<FieldError> errors = new ArrayList<>();
    StatisticsFilter filter = filter(userId, from, to, activity, tz, errors);
    throwIfAny(errors);
    return answer(
        request,
        filter,
        "stats",
        () -> {
          Versioned<Summary> summary = query.summarise(filter);
          return new Kept(
              summary.version(),
              StatisticsJsonWriter.bytes(StatsView.of(filter, zoneName(tz), summary.value())));
        });
  }

  @GET
  @Path("series")
  @Operation(
      summary = "A user's totals per day, week or month",
      description =
          "Buckets are calendar days, weeks starting on Monday, or calendar months in `tz`, named"
              + " by their first day; only buckets with (matching) sessions appear, oldest first.")
  @APIResponse(
      responseCode = "200",
      description = "The series.",
      headers = {
        @Header(name = "ETag", ref = "ETag"),
        @Header(name = "Cache-Control", ref = "Cache-Control")
      },
      content = @Content(schema = @Schema(ref = "UserSeries")))
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "InvalidStatisticsQuery")
  @APIResponse(responseCode = "500", ref = "Unexpected")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public Response series(
      @Parameter(
              description = USER_ID,
              schema = @Schema(pattern = UserId.PATTERN, maxLength = UserId.MAX_LENGTH),
              example = "u1")
          @PathParam("userId")
          String userId,
      @Parameter(
              description = "day, week (from Monday) or month.",
              schema =
                  @Schema(
                      enumeration = {"day", "week", "month"},
                      defaultValue = "week"))
          @QueryParam("bucket")
          String bucket,
      @Parameter(ref = "from") @QueryParam("from") String from,
      @Parameter(ref = "to") @QueryParam("to") String to,
      @Parameter(ref = "activity") @QueryParam("activity") List<String> activity,
      @Parameter(
              description = TZ,
              schema = @Schema(defaultValue = DEFAULT_ZONE, example = "Europe/Rome"))
          @QueryParam("tz")
          String tz,
      @Context Request request) {
    List<FieldError> errors = new ArrayList<>();
    StatisticsFilter filter = filter(userId, from, to, activity, tz, errors);
    Bucket by = Bucket.WEEK;
    if (bucket != null) {
      by = Bucket.fromWireName(bucket).orElse(null);
      if (by == null) {
        errors.add(new FieldError("bucket", Bucket.RULE));
      }
    }
    throwIfAny(errors);
    Bucket bucketed = by;
    return answer(
        request,
        filter,
        "series " + by.wireName(),
        () -> {
          Versioned<List<SeriesItem>> series = query.series(filter, bucketed);
          return new Kept(
              series.version(),
              StatisticsJsonWriter.bytes(
                  new SeriesView(
                      filter.userId(),
                      bucketed.wireName(),
                      zoneName(tz),
                      series.value().stream().map(SeriesItemView::of).toList())));
        });
  }

  /**
   * The answer to a query of a user's statistics, without computing it again when nothing changed:
   * one indexed read of the version of the user's sessions decides. With If-None-Match holding the
   * tag of that version the answer is 304; with an answer kept for that version, that answer;
   * otherwise it is computed (with the version it was computed from) and kept.
   */
  private Response answer(
      Request request, StatisticsFilter filter, String kind, Supplier<Kept> compute) {
    String query = kind + " " + filter.fingerprint();
    long version = versions.of(filter.userId());
    EntityTag current = tag(version, query);
    Response.ResponseBuilder notModified = request.evaluatePreconditions(current);
    if (notModified != null) {
      return ETags.revalidated(notModified, current);
    }
    Kept answer =
        answers.current(query, version).orElseGet(() -> answers.keep(query, compute.get()));
    return ETags.revalidated(
        Response.ok(answer.bytes(), MediaType.APPLICATION_JSON_TYPE), tag(answer.version(), query));
  }

  /**
   * The ETag of a query's answer at a version of the user's sessions; {@link #REPRESENTATION}
   * changes whenever the JSON of the answers does, so that no tag outlives its body's format.
   */
  private static EntityTag tag(long version, String query) {
    return ETags.ofText(REPRESENTATION + "|" + version + "|" + query);
  }

  /** The filter the parameters describe; null, with {@code errors} filled, when any is invalid. */
  private static StatisticsFilter filter(
      String userId,
      String from,
      String to,
      List<String> activity,
      String tz,
      List<FieldError> errors) {
    QueryParameters.checkUserId(userId, errors);
    Period period = QueryParameters.period(from, to, errors);
    Set<Activity> activities = QueryParameters.activities(activity, errors);
    Optional<ZoneId> zone = IanaZone.parse(zoneName(tz));
    if (zone.isEmpty()) {
      errors.add(new FieldError("tz", IanaZone.RULE));
    }
    return errors.isEmpty()
        ? new StatisticsFilter(userId, activities, period.from(), period.to(), zone.orElseThrow())
        : null;
  }

  private static String zoneName(String tz) {
    return tz == null ? DEFAULT_ZONE : tz;
  }

  private static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
