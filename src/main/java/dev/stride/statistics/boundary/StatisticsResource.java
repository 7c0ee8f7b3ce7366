package dev.stride.statistics.boundary;

import dev.stride.problems.FieldError;
import dev.stride.problems.InvalidInputException;
import dev.stride.problems.Problem;
import dev.stride.sessions.boundary.QueryParameters;
import dev.stride.sessions.boundary.QueryParameters.Period;
import dev.stride.sessions.entity.Activity;
import dev.stride.statistics.control.Bucket;
import dev.stride.statistics.control.StatisticsFilter;
import dev.stride.statistics.control.StatisticsQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A user's statistics and series: {@code /api/users/{userId}/stats}. */
@Path("users/{userId}/stats")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "statistics",
    description =
        """
        What a user's sessions add up to, computed from the stored sessions at each request (a \
        session counts as soon as its POST was answered, and no longer once it is deleted).

        Readings of the contract where it is silent:
        - `tz` is an IANA region id spelt as in the tz database (case matters), e.g. \
        `Europe/Rome`, `Asia/Kolkata`, `Etc/GMT+5`, or `UTC`. Offsets (`+05:30`, `Z`, \
        `UTC+01:00`) are refused: they name no calendar, and PostgreSQL would read a bare offset \
        with the POSIX sign. Legacy ids without an area (`CET`, `EST5EDT`, `Japan`, `GMT`) are \
        refused: PostgreSQL reads some of them as fixed-offset abbreviations. A zone the \
        database's tz data does not know is refused too. PostgreSQL's tz data decides DST.
        - `from` and `to` select sessions by their `startedAt` instant (`from <= startedAt < \
        to`), not by calendar day; every figure, streaks and buckets included, covers only the \
        sessions selected by `from`, `to` and `activity`.
        - A session counts on the calendar day (in `tz`) on which it started, however long it lasts.
        - `from`/`to` are echoed as instants in UTC (null when not given), `tz` as given.
        - Averages are not rounded. Distances and averages are always written with a decimal \
        point (`15000.0`), counts and integer sums as integers.
        - Each invalid `activity` value is an entry of `errors`; `from` not before `to` is an \
        error of `from`. Of a repeated single-valued parameter (`tz`, `bucket`, `from`, `to`) the \
        first value counts; unknown parameters are ignored.
        """)
@APIResponse(
    responseCode = "400",
    description =
        "An invalid parameter: `userId` breaking its rule, a `from`/`to` that is not RFC 3339 or"
            + " `from` not before `to`, an unknown `activity`, a `tz` that is not an accepted IANA"
            + " id, or (series) a `bucket` other than day, week, month. `errors` names every"
            + " invalid parameter.",
    content =
        @Content(
            mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class),
            examples =
                @ExampleObject(
                    name = "two invalid parameters",
                    value =
                        """
                        {"type": "about:blank", "title": "Bad Request", "status": 400,
                         "detail": "2 fields are invalid",
                         "errors": [{"field": "tz", "message": "must be an IANA time-zone id such\
                         as Europe/Rome or America/Los_Angeles, or UTC"},
                         {"field": "bucket", "message": "must be day, week or month"}]}""")))
@APIResponse(
    responseCode = "503",
    description = "The database is not reachable right now; retry later (see Retry-After).",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
    responseCode = "500",
    description = "An unexpected failure, logged under the id in `instance`.",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class StatisticsResource {
  private static final String DEFAULT_ZONE = "UTC";

  @Inject StatisticsQuery query;

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
      content = @Content(schema = @Schema(implementation = StatsView.class)))
  public StatsView summarise(
      @Parameter(
              description =
                  "1 to 64 characters from A-Z a-z 0-9 . _ -, the first a letter or digit.",
              example = "u1")
          @PathParam("userId")
          String userId,
      @Parameter(
              description = "RFC 3339 with an offset; only sessions with from <= startedAt.",
              schema = @Schema(format = "date-time", implementation = String.class))
          @QueryParam("from")
          String from,
      @Parameter(
              description =
                  "RFC 3339 with an offset; only sessions with startedAt < to. After from.",
              schema = @Schema(format = "date-time", implementation = String.class))
          @QueryParam("to")
          String to,
      @Parameter(
              description = "Only these activities; may be repeated.",
              schema =
                  @Schema(
                      type = SchemaType.ARRAY,
                      implementation = String.class,
                      enumeration = {
                        "running",
                        "cycling",
                        "swimming",
                        "walking",
                        "hiking",
                        "rowing",
                        "strength",
                        "yoga",
                        "other"
                      }))
          @QueryParam("activity")
          List<String> activity,
      @Parameter(
              description =
                  "IANA time-zone id deciding calendar days (see the readings of the contract).",
              schema = @Schema(defaultValue = DEFAULT_ZONE, example = "Europe/Rome"))
          @QueryParam("tz")
          String tz) {
    List<FieldError> errors = new ArrayList<>();
    StatisticsFilter filter = filter(userId, from, to, activity, tz, errors);
    throwIfAny(errors);
    return StatsView.of(filter, zoneName(tz), query.summarise(filter));
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
      content = @Content(schema = @Schema(implementation = SeriesView.class)))
  public SeriesView series(
      @Parameter(
              description =
                  "1 to 64 characters from A-Z a-z 0-9 . _ -, the first a letter or digit.",
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
      @Parameter(
              description = "RFC 3339 with an offset; only sessions with from <= startedAt.",
              schema = @Schema(format = "date-time", implementation = String.class))
          @QueryParam("from")
          String from,
      @Parameter(
              description =
                  "RFC 3339 with an offset; only sessions with startedAt < to. After from.",
              schema = @Schema(format = "date-time", implementation = String.class))
          @QueryParam("to")
          String to,
      @Parameter(
              description = "Only these activities; may be repeated.",
              schema =
                  @Schema(
                      type = SchemaType.ARRAY,
                      implementation = String.class,
                      enumeration = {
                        "running",
                        "cycling",
                        "swimming",
                        "walking",
                        "hiking",
                        "rowing",
                        "strength",
                        "yoga",
                        "other"
                      }))
          @QueryParam("activity")
          List<String> activity,
      @Parameter(
              description =
                  "IANA time-zone id deciding calendar days (see the readings of the contract).",
              schema = @Schema(defaultValue = DEFAULT_ZONE, example = "Europe/Rome"))
          @QueryParam("tz")
          String tz) {
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
    return new SeriesView(
        filter.userId(),
        by.wireName(),
        zoneName(tz),
        query.series(filter, by).stream().map(SeriesItemView::of).toList());
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
