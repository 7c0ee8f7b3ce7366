package dev.stride.access.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * The per-user rule for every user a request names in its path ({@code /api/users/{userId}/...}) or
 * its query ({@code ?userId=}), on every endpoint at once: a caller without {@code admin} naming
 * another user gets a 403. Runs after the scopes ({@code @RolesAllowed}, priority AUTHORIZATION),
 * before the resource reads anything.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class OwnUserOnly implements ContainerRequestFilter {
  static final String USER_ID = "userId";

  @Inject CurrentCaller caller;

  @Override
  public void filter(ContainerRequestContext request) {
    var uri = request.getUriInfo();
    for (String userId : uri.getPathParameters().getOrDefault(USER_ID, java.util.List.of())) {
      caller.requireActsFor(userId);
    }
    for (String userId : uri.getQueryParameters().getOrDefault(USER_ID, java.util.List.of())) {
      caller.requireActsFor(userId);
    }
  }
}
