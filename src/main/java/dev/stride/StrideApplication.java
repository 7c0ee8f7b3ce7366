package dev.stride;

import dev.stride.access.entity.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The HTTP API of Stride, under {@code /api}; resources and providers are discovered. Every
 * operation needs a bearer token ({@code dev.stride.access}); the roles are its scopes.
 */
@ApplicationPath("api")
@DeclareRoles({Roles.READ, Roles.WRITE, Roles.ADMIN, Roles.TOKEN})
@SecurityScheme(
    securitySchemeName = StrideApplication.BEARER,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description =
        "A token's secret (stride_...): Authorization: Bearer <secret>. Scopes: read (every GET of"
            + " sessions and statistics), write (POST, PATCH and DELETE of sessions), admin (every"
            + " user; includes read and write).")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Stride API",
            version = "1",
            description =
                """
                Records exercise sessions (a run, a ride, a swim...) and turns them into statistics.
                Bodies are JSON (UTF-8, camelCase). Every 4xx and 5xx answer is an RFC 9457 problem \
                (`application/problem+json`); a 400 lists every invalid field in `errors`.

                Readings of the contract where it is silent:
                - `id` accepts upper-case hex digits and is returned in lower case.
                - Timestamps keep microsecond precision (further digits are truncated) and are \
                returned in UTC with `Z`, with 0, 3 or 6 fraction digits.
                - A JSON object with the same property twice is not valid JSON (400); so are \
                strings with NUL characters or unpaired surrogates.
                - Integers must be written as JSON integers: `1800`, not `1800.0` or `1.8e3`.
                - A list cursor is signed and bound to its query (userId, activity, from, to, \
                order) but not to `limit`, which may change from page to page. Cursors stay \
                valid across restarts and across backends that share a database.
                - Unknown query parameters are ignored.
                """,
            license = @License(name = "Apache-2.0")),
    servers = @Server(url = "/"),
    security = @SecurityRequirement(name = StrideApplication.BEARER))
public class StrideApplication extends Application {
  static final String BEARER = "bearer";

  /**
   * Jersey's own Bean Validation of resource parameters is off: the readers of the bodies validate
   * them, once, and report every field as the contract wants; Jersey's pass ran on every request
   * for nothing. Jersey buffers an answer to send its Content-Length; a buffer of 2 KiB instead of
   * 8 covers the answers that are small (a session, statistics, a problem) without allocating 8 KiB
   * for each request; larger ones are sent chunked. No WADL: Jersey would describe the resources
   * (and its own version) to anyone sending OPTIONS; the OpenAPI document is the description.
   * Jersey's RolesAllowedDynamicFeature enforces {@code @RolesAllowed} on the resources (with the
   * roles Jakarta Security gave the caller).
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of(
        "jersey.config.beanValidation.disable.server",
        true,
        "jersey.config.server.contentLength.buffer",
        2048,
        "jersey.config.server.wadl.disableWadl",
        true,
        // A relative Location stays relative (see sessions.boundary.Locations): Jersey would
        // resolve it against the request's Host.
        "jersey.config.server.headers.location.relative.resolution.disabled",
        true,
        "jersey.config.server.provider.classnames",
        "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
  }
}
