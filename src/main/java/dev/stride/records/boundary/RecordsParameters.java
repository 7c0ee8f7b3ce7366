package dev.stride.records.boundary;

import dev.stride.problems.FieldError;
import dev.stride.problems.InvalidInputException;
import dev.stride.query.SessionFilterParameters;
import dev.stride.records.control.RecordsQuery.RecordsFilter;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of {@code GET /api/users/{userId}/records}: whose records, of which of their
 * sessions ({@code activity}, {@code from}, {@code to} as for the statistics).
 */
public class RecordsParameters extends SessionFilterParameters {
  public RecordsParameters(
      @PathParam("userId") String userId,
      @QueryParam("activity") List<String> activity,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    super(userId, activity, from, to);
  }

  /** The sessions these parameters choose; a 400 naming every invalid parameter when any is. */
  RecordsFilter filter() {
    List<FieldError> errors = new ArrayList<>();
    var user = userId(errors);
    Period period = period(errors);
    var activities = activities(errors);
    InvalidInputException.throwIfAny(errors);
    return new RecordsFilter(user.orElseThrow().value(), activities, period.from(), period.to());
  }
}
