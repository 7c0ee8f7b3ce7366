/**
 * The OpenAPI document at {@code /openapi}: what the annotations of the boundaries and {@code
 * META-INF/openapi.yaml} cannot say themselves. {@link DocumentFilter} adds the facts that live in
 * Java (the activities of {@link dev.stride.sessions.entity.Activity}) and mends what Payara Micro
 * 6's own OpenAPI implementation writes wrongly, so that the document passes the tools people run
 * on it (Redocly's lint, openapi-generator; see {@code clients/check.sh}).
 */
package dev.stride.openapi;
