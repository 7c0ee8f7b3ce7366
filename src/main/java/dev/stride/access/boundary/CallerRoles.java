package dev.stride.access.boundary;

import dev.stride.access.entity.Scope;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Set;

/**
 * The JAX-RS SecurityContext of an authenticated request answers {@code isUserInRole} from the
 * caller that Jakarta Security logged in ({@link BearerAuthentication}), with exactly the roles it
 * gave the container as groups ({@link Scope#roles}). Jersey's {@code @RolesAllowed} check then
 * costs a set lookup; through the servlet request it asked Payara's JACC policy on every request
 * (4.4% of a GET's CPU). Everything else is the container's context.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class CallerRoles implements ContainerRequestFilter {
  @Inject CurrentCaller current;

  @Override
  public void filter(ContainerRequestContext request) {
    current
        .find()
        .ifPresent(
            caller ->
                request.setSecurityContext(
                    new OfCaller(Scope.roles(caller.scopes()), request.getSecurityContext())));
  }

  private record OfCaller(Set<String> roles, SecurityContext container) implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return container.getUserPrincipal();
    }

    @Override
    public boolean isUserInRole(String role) {
      return roles.contains(role);
    }

    @Override
    public boolean isSecure() {
      return container.isSecure();
    }

    @Override
    public String getAuthenticationScheme() {
      return container.getAuthenticationScheme();
    }
  }
}
