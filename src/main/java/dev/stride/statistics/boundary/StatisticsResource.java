package dev.stride.statistics.boundary;

import dev.stride.access.entity.Roles;
import dev.stride.answers.AnswerCache;
import dev.stride.answers.AnswerCache.Kept;
import dev.stride.answers.ETags;
import dev.stride.sessions.control.UserVersions;
import dev.stride.statistics.boundary.SeriesParameters.Series;
import dev.stride.statistics.control.Bucket;
import dev.stride.statistics.control.SeriesItem;
import dev.stride.statistics.control.StatisticsFilter;
import dev.stride.statistics.control.StatisticsQuery;
import dev.stride.statistics.control.Summary;
import dev.stride.statistics.control.Versioned;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A user's statistics and series: {@code /api/users/{userId}/stats}. */
@Path("users/{userId}/stats")
@RolesAllowed(Roles.READ)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "statistics")
public class StatisticsResource {
  /** The revision of the answers' JSON, part of every ETag. */
  private static final String REPRESENTATION = "statistics-1";

  @Inject StatisticsQuery query;
  @Inject UserVersions versions;
  @Inject AnswerCache answers;
  @Inject AnswerCounts counts;

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
  // Payara's OpenAPI does not look into @BeanParam classes, so the operation names its parameters;
  // those that are not in openapi.yaml are made from their Java facts in dev.stride.openapi.
  @Parameters({
    @Parameter(ref = "userId"),
    @Parameter(ref = "from"),
    @Parameter(ref = "to"),
    @Parameter(ref = "activity"),
    @Parameter(ref = "tz")
  })
  public Response summarise(@BeanParam StatisticsParameters parameters, @Context Request request) {
    StatisticsFilter filter = parameters.filter();
    return answer(
        request,
        filter,
        "stats",
        () -> {
          Versioned<Summary> summary = query.summarise(filter);
          return new Kept(
              summary.version(),
              StatisticsJsonWriter.bytes(
                  StatsView.of(filter, parameters.zoneName(), summary.value())));
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
  @Parameters({
    @Parameter(ref = "userId"),
    @Parameter(ref = "bucket"),
    @Parameter(ref = "from"),
    @Parameter(ref = "to"),
    @Parameter(ref = "activity"),
    @Parameter(ref = "tz")
  })
  public Response series(@BeanParam SeriesParameters parameters, @Context Request request) {
    Series series = parameters.series();
    StatisticsFilter filter = series.filter();
    Bucket bucket = series.bucket();
    return answer(
        request,
        filter,
        "series " + bucket.wireName(),
        () -> {
          Versioned<List<SeriesItem>> items = query.series(filter, bucket);
          return new Kept(
              items.version(),
              StatisticsJsonWriter.bytes(
                  new SeriesView(
                      filter.userId(),
                      bucket.wireName(),
                      parameters.zoneName(),
                      items.value().stream().map(SeriesItemView::of).toList())));
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
      counts.notModified();
      return ETags.revalidated(notModified, current);
    }
    Optional<Kept> kept = answers.current(query, version);
    if (kept.isPresent()) {
      counts.kept();
    } else {
      counts.computed();
    }
    Kept answer = kept.orElseGet(() -> answers.keep(query, compute.get()));
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
}
