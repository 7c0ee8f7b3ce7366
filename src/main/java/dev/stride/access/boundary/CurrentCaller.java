package dev.stride.access.boundary;

import dev.stride.access.entity.Caller;
import dev.stride.problems.ProblemException;
import dev.stride.problems.ProblemException.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The caller of the request being served, for the components that apply the per-user rule (its
 * statement is {@link Caller#mayActFor}): the sessions a caller reads, stores or deletes, the user
 * its list defaults to.
 */
@ApplicationScoped
public class CurrentCaller {
  /** The request attribute BearerAuthentication keeps the authenticated caller in. */
  static final String ATTRIBUTE = Caller.class.getName();

  @Inject HttpServletRequest request;

  /** The caller; every request that reaches a resource under /api has one. */
  public Caller get() {
    return find()
        .orElseThrow(() -> new IllegalStateException("a request under /api without a caller"));
  }

  /** The caller, if the request was authenticated. */
  Optional<Caller> find() {
    return request.getAttribute(ATTRIBUTE) instanceof Caller caller
        ? Optional.of(caller)
        : Optional.empty();
  }

  /** A 403 unless the caller may act for {@code userId}. */
  public void requireActsFor(String userId) {
    if (!get().mayActFor(userId)) {
      throw forbidden();
    }
  }

  /** The refusal of another user's path, query or item. */
  public static ProblemException forbidden() {
    return new ProblemException(
        Reason.FORBIDDEN, "This token may act for its own user only; that is another user.");
  }
}
