package dev.stride.records.boundary;

import dev.stride.access.entity.Roles;
import dev.stride.records.control.RecordsQuery;
import dev.stride.records.control.RecordsQuery.RecordsFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A user's personal records: {@code /api/users/{userId}/records}. */
@Path("users/{userId}/records")
@RolesAllowed(Roles.READ)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "records")
public class RecordsResource {
  @Inject RecordsQuery query;

  @GET
  @Operation(
      summary = "A user's personal records",
      description =
          "Per activity: the longest session, the farthest, the one with the most calories, and the"
              + " fastest stretch of each record distance of the activity within one imported"
              + " session's samples (measured on the samples' `distanceMeters`, interpolated between"
              + " samples). Ties go to the session that started earlier (then the smaller id). A"
              + " distance or calories of 0 is no record. A user without sessions gets"
              + " `records: []`.")
  @APIResponse(
      responseCode = "200",
      description = "The records.",
      content = @Content(schema = @Schema(ref = "UserRecords")))
  @APIResponse(responseCode = "400", ref = "InvalidStatisticsQuery")
  @APIResponse(responseCode = "500", ref = "Unexpected")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  @Parameters({
    @Parameter(ref = "userId"),
    @Parameter(ref = "from"),
    @Parameter(ref = "to"),
    @Parameter(ref = "activity")
  })
  public byte[] records(@BeanParam RecordsParameters parameters) {
    RecordsFilter filter = parameters.filter();
    return RecordsView.json(filter.userId(), query.records(filter));
  }
}
