package dev.stride.access.boundary;

import dev.stride.access.control.RateLimits;
import dev.stride.operations.boundary.RequestObservation;
import dev.stride.operations.control.RequestIds;
import dev.stride.operations.control.RequestMetrics;
import dev.stride.problems.Problem;
import dev.stride.problems.ProblemExceptionMapper;
import dev.stride.problems.ServletAnswers;
import dev.stride.schema.boundary.MigratedSchemaRequired;
import dev.stride.schema.boundary.SchemaMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code Authorization: Bearer <secret>} on every request under {@code /api}: the secret is
 * validated by the identity stores ({@link TokenIdentityStore}) and the caller logged in with its
 * scopes as groups. Without a valid one the answer is a 401 problem with {@code WWW-Authenticate:
 * Bearer realm="stride"} (and {@code error="invalid_token"} when one was presented), the same for
 * every reason, before any resource is matched: so 401 comes before 405, 403 and 404. Nothing
 * outside {@code /api} (the error page) needs a token; the backend's /health, /metrics and /openapi
 * are Payara's own and not part of this application.
 */
@ApplicationScoped
public class BearerAuthentication implements HttpAuthenticationMechanism {
  static final String REALM = "Bearer realm=\"stride\"";
  private static final String SCHEME = "Bearer ";
  private static final String API = "/api/";

  @Inject IdentityStoreHandler identities;
  @Inject RateLimits limits;
  @Inject SchemaMigration schema;
  @Inject RequestMetrics metrics;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith(API)) {
      return context.doNothing();
    }
    // This check runs before the application's filters: it gives the request its id itself, and
    // counts the requests it answers, which no filter will see.
    long started = System.nanoTime();
    try (RequestIds.Scope scope = RequestIds.enter(RequestObservation.idOf(request, response))) {
      AuthenticationStatus status = check(request, response, context);
      if (status == AuthenticationStatus.SEND_FAILURE) {
        RequestObservation.answeredBeforeFilters(metrics, request, response.getStatus(), started);
      }
      return status;
    }
  }

  private AuthenticationStatus check(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (!schema.isCurrent()) {
      // No tokens table to check against yet: busy, as every API request is until then.
      return send(
          response,
          () ->
              ServletAnswers.write(
                  new ProblemExceptionMapper().toResponse(MigratedSchemaRequired.notYet()),
                  response));
    }
    String header = request.getHeader("Authorization");
    if (header == null) {
      return refuse(response, false);
    }
    if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return refuse(response, true);
    }
    try {
      CredentialValidationResult result =
          identities.validate(new BearerCredential(header.substring(SCHEME.length()).strip()));
      if (result.getStatus() != CredentialValidationResult.Status.VALID) {
        return refuse(response, true);
      }
      var caller = ((TokenPrincipal) result.getCallerPrincipal()).caller();
      Optional<RateLimits.Refusal> refusal = limits.count(caller);
      if (refusal.isPresent()) {
        return tooMany(response, refusal.get());
      }
      // Kept on the request for CurrentCaller: the caller principal from Jakarta Security's
      // SecurityContext is parsed out of the Subject on every call (3% of a request's CPU).
      request.setAttribute(CurrentCaller.ATTRIBUTE, caller);
      return context.notifyContainerAboutLogin(result);
    } catch (RuntimeException e) {
      // The database is away (503) or something nobody planned for (500): as the API answers it.
      return send(response, () -> ServletAnswers.writeUnexpected(e, response));
    }
  }

  private static AuthenticationStatus refuse(HttpServletResponse response, boolean presented) {
    response.setHeader("WWW-Authenticate", presented ? REALM + ", error=\"invalid_token\"" : REALM);
    Problem problem =
        Problem.of(
            Status.UNAUTHORIZED,
            "This request needs a valid token: Authorization: Bearer <token>.");
    return send(response, () -> ServletAnswers.write(problem.toResponse(), response));
  }

  /**
   * 429 with Retry-After, and the limit as the IETF draft on RateLimit header fields writes it
   * (draft-ietf-httpapi-ratelimit-headers: a policy of q requests per w seconds, r remaining, t
   * seconds until it resets).
   */
  private static AuthenticationStatus tooMany(
      HttpServletResponse response, RateLimits.Refusal refusal) {
    response.setHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
    response.setHeader(
        "RateLimit-Policy", "\"token\";q=" + refusal.limit() + ";w=" + refusal.windowSeconds());
    response.setHeader("RateLimit", "\"token\";r=0;t=" + refusal.retryAfterSeconds());
    Problem problem =
        Problem.of(
            Status.TOO_MANY_REQUESTS,
            "This token sent more than "
                + refusal.limit()
                + " requests in "
                + refusal.windowSeconds()
                + " s; retry after "
                + refusal.retryAfterSeconds()
                + " s.");
    return send(response, () -> ServletAnswers.write(problem.toResponse(), response));
  }

  private interface Answer {
    void write() throws IOException;
  }

  private static AuthenticationStatus send(HttpServletResponse response, Answer answer) {
    try {
      answer.write();
    } catch (IOException e) {
      // The client went away while being answered: nothing more to tell it.
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
