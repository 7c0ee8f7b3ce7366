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
                - PATCH answers in the contract's order: 404 (also for another user's session)                 before 415, 413 and 400; a patch that breaks a rule is 400 even when If-Match                 would also fail (400 comes before 412). If-Match takes `*` or a list of strong                 ETags; a weak one never matches. DELETE takes If-Match the same way.
                - The changes feed lists changes in the order of the transactions that made them:                 the changes of one session always in the order they committed; changes of                 different sessions committed by overlapping transactions may come in either                 order (a client that applies them in order still holds exactly what a list                 shows). A change becomes visible in the feed once every transaction that started                 writing before it has ended.
                - A feed position is answered 410 when a deletion after it may have been removed                 by retention (tombstones are removed per transaction, so a position inside the                 newest removed transaction is 410 too).
                - The CSV export does not read `limit` and `cursor` at all (an invalid value is                 not an error there); other list parameters are checked as for the list.
                - `source` is null on every session: this version stores no activity files yet.
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
