package dev.stride.tester.activityfiles.control;

import dev.stride.tester.activityfiles.entity.ActivityFile;
import dev.stride.tester.activityfiles.entity.ImportOutcome;
import dev.stride.tester.activityfiles.entity.ImportRow;
import dev.stride.tester.service.control.ServiceClient;
import dev.stride.tester.sessions.entity.Activity;
import dev.stride.tester.sessions.entity.StoredSession;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * {@code POST /sessions/import}: a file's bytes as the body, with the media type of its format (or
 * gzip's). Retrying it after a network error or a 5xx is safe: the same file for the same user is
 * answered 200 with the session stored the first time.
 */
public final class FileImports {

  static final String REQUEST = "POST /sessions/import";

  private final Function<String, ServiceClient> serviceOf;

  /**
   * Sends a user's files with the client {@code serviceOf} gives for them, e.g. one with the user's
   * own token.
   */
  public FileImports(Function<String, ServiceClient> serviceOf) {
    this.serviceOf = serviceOf;
  }

  /**
   * Imports one file as {@code userId}'s session, with {@code activity} and {@code notes} instead
   * of the file's own when they are not {@code null}.
   */
  public ImportRow send(
      ActivityFile file, byte[] bytes, String userId, Activity activity, String notes) {
    return serviceOf
        .apply(userId)
        .send(
            REQUEST,
            api -> target(api, userId, activity, notes),
            request -> request.post(Entity.entity(bytes, file.mediaType())),
            response -> rowOf(file, response));
  }

  private static WebTarget target(WebTarget api, String userId, Activity activity, String notes) {
    WebTarget target = api.path("sessions/import").queryParam("userId", encoded(userId));
    if (activity != null) {
      target = target.queryParam("activity", activity.wireName());
    }
    if (notes != null) {
      target = target.queryParam("notes", encoded(notes));
    }
    return target;
  }

  /**
   * Percent-encoded here, a space as {@code %20}: Jersey would leave a {@code +} as it is, which a
   * server reads as a space.
   */
  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static ImportRow rowOf(ActivityFile file, Response response) {
    int status = response.getStatus();
    if (status == 200 || status == 201) {
      var outcome = status == 201 ? ImportOutcome.CREATED : ImportOutcome.EXISTING;
      return new ImportRow(file, outcome, status, sessionIdOf(response), null);
    }
    var problem = ServiceClient.problemOf(response);
    String detail =
        problem.detail() == null || problem.detail().isBlank()
            ? problem.summary()
            : problem.detail();
    return new ImportRow(file, ImportOutcome.REJECTED, status, null, detail);
  }

  /** The session's id from the body, else from {@code Location}. */
  private static String sessionIdOf(Response response) {
    URI location = response.getLocation();
    try (response) {
      StoredSession session =
          ServiceClient.fromJson(response.readEntity(String.class), StoredSession.class);
      if (session != null && session.id() != null) {
        return session.id();
      }
    } catch (JsonbException | ProcessingException e) {
      // not the session: the Location still names it
    }
    if (location == null) {
      return null;
    }
    String path = location.getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
