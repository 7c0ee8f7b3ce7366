package dev.stride.operations.boundary;

import dev.stride.operations.control.RequestIds;
import dev.stride.operations.control.RequestMetrics;
import dev.stride.operations.control.Route;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Every request of the application, from its arrival to its answer: its id ({@code X-Request-Id}
 * in, out, and on the thread for log lines) and its metrics. A suspended request (a POST waiting
 * for its group commit) is counted when its answer is complete, not when its thread is let go.
 * Requests that the access check answers itself (401, 429) never reach a filter: {@link
 * #answeredBeforeFilters} counts those.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestObservation implements Filter {
  private static final String ID = RequestIds.class.getName();
  private static final String API = MatchedRoute.BASE + "/";

  @Inject RequestMetrics metrics;

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String id = idOf(request, response);
    if (!request.getRequestURI().startsWith(API, request.getContextPath().length())) {
      // Payara's /health, /metrics and /openapi: not the API, and scrapes would count themselves.
      try (RequestIds.Scope scope = RequestIds.enter(id)) {
        chain.doFilter(request, response);
      }
      return;
    }
    long started = System.nanoTime();
    metrics.started();
    boolean failed = true;
    try (RequestIds.Scope scope = RequestIds.enter(id)) {
      chain.doFilter(request, response);
      failed = false;
    } finally {
      if (!failed && request.isAsyncStarted()) {
        request.getAsyncContext().addListener(new Completion(request, response, started));
      } else {
        // An exception that escapes the chain becomes the container's 500 — unless the answer was
        // sent already: Payara's tracing listener can throw on the request thread after a group
        // commit's writer has answered the suspended POST (the client got that answer).
        finish(request, failed && !response.isCommitted() ? 500 : response.getStatus(), started);
      }
    }
  }

  /**
   * The request's id, chosen once: the client's when valid, else a new one; set on the answer.
   * Called by the access check too, which runs before this filter.
   */
  public static String idOf(HttpServletRequest request, HttpServletResponse response) {
    Object known = request.getAttribute(ID);
    if (known instanceof String id) {
      return id;
    }
    String id = RequestIds.chosenOrNew(request.getHeader(RequestIds.HEADER));
    request.setAttribute(ID, id);
    response.setHeader(RequestIds.HEADER, id);
    return id;
  }

  /** Counts a request that the access check answered, so that no filter saw it. */
  public static void answeredBeforeFilters(
      RequestMetrics metrics, HttpServletRequest request, int status, long startedNanos) {
    metrics.started();
    metrics.finished(request.getMethod(), null, status, System.nanoTime() - startedNanos);
  }

  private void finish(HttpServletRequest request, int status, long started) {
    Route route = (Route) request.getAttribute(MatchedRoute.ATTRIBUTE);
    metrics.finished(request.getMethod(), route, status, System.nanoTime() - started);
  }

  private final class Completion implements AsyncListener {
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final long started;

    Completion(HttpServletRequest request, HttpServletResponse response, long started) {
      this.request = request;
      this.response = response;
      this.started = started;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      finish(request, response.getStatus(), started);
    }

    @Override
    public void onTimeout(AsyncEvent event) {}

    @Override
    public void onError(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {}
  }
}
