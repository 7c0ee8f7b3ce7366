package dev.stride.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.access.Endpoints.Endpoint;
import dev.stride.access.entity.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * No resource method is left open: each has {@code @RolesAllowed} (its own or its class's) naming
 * only Stride's roles, and none is {@code @PermitAll}. That the mechanism refuses a request without
 * a token before any of them is proved against a server by {@code AccessIT}.
 */
class EveryEndpointNeedsARoleTest {
  private static final Set<String> ROLES =
      Set.of(Roles.READ, Roles.WRITE, Roles.ADMIN, Roles.TOKEN);

  @Test
  void everyResourceMethodNamesItsRoles() {
    List<Endpoint> endpoints = Endpoints.all();
    assertThat(endpoints).as("the resource methods found").hasSizeGreaterThanOrEqualTo(11);
    for (Endpoint endpoint : endpoints) {
      RolesAllowed roles =
          endpoint.method().isAnnotationPresent(RolesAllowed.class)
              ? endpoint.method().getAnnotation(RolesAllowed.class)
              : endpoint.resource().getAnnotation(RolesAllowed.class);
      assertThat(roles).as(endpoint + " has @RolesAllowed").isNotNull();
      assertThat(ROLES).as(endpoint + "'s roles").contains(roles.value());
      assertThat(endpoint.method().isAnnotationPresent(PermitAll.class))
          .as(endpoint.toString())
          .isFalse();
      assertThat(endpoint.resource().isAnnotationPresent(PermitAll.class))
          .as(endpoint.toString())
          .isFalse();
    }
  }
}
