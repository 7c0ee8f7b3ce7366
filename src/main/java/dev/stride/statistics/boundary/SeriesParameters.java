package dev.stride.statistics.boundary;

import dev.stride.problems.FieldError;
import dev.stride.problems.InvalidInputException;
import dev.stride.statistics.control.Bucket;
import dev.stride.statistics.control.StatisticsFilter;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of {@code GET /api/users/{userId}/stats/series}: those of the statistics, and the
 * calendar period (a {@link Bucket}, {@link #DEFAULT_BUCKET} when none is named) the sessions are
 * added up by.
 */
public final class SeriesParameters extends StatisticsParameters {
  public static final Bucket DEFAULT_BUCKET = Bucket.WEEK;

  private final String bucket;

  public SeriesParameters(
      @PathParam("userId") String userId,
      @QueryParam("bucket") String bucket,
      @QueryParam("activity") List<String> activity,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("tz") String tz) {
    super(userId, activity, from, to, tz);
    this.bucket = bucket;
  }

  /** A series asked for: which sessions, added up by which bucket. */
  record Series(StatisticsFilter filter, Bucket bucket) {}

  /** The series these parameters ask for; a 400 naming every invalid parameter when any is. */
  Series series() {
    List<FieldError> errors = new ArrayList<>();
    StatisticsFilter filter = filter(errors);
    Bucket by = DEFAULT_BUCKET;
    if (bucket != null) {
      by = Bucket.fromWireName(bucket).orElse(null);
      if (by == null) {
        errors.add(new FieldError("bucket", Bucket.RULE));
      }
    }
    InvalidInputException.throwIfAny(errors);
    return new Series(filter, by);
  }
}
