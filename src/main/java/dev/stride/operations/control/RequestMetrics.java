package dev.stride.operations.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Requests per HTTP method, route template and status class: {@code
 * stride_http_server_requests_total}, the latency histogram {@code
 * stride_http_server_request_duration_seconds} and the requests in flight, {@code
 * stride_http_server_active_requests}. The request path only reads a map and adds to counters; the
 * metrics of a label set are registered the first time it is seen.
 */
@ApplicationScoped
public class RequestMetrics {
  static final String REQUESTS = "stride_http_server_requests";
  static final String DURATION = "stride_http_server_request_duration_seconds";

  /** Methods outside this set are counted as "other": a client may send any token as a method. */
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  @Inject MetricRegistry registry;

  private final Map<Method, Route> matched = new ConcurrentHashMap<>();
  private final Map<String, Route> unmatched = new ConcurrentHashMap<>();
  private final AtomicInteger active = new AtomicInteger();

  /** Made at start, so that every series is there (at 0) before the first request. */
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {}

  @PostConstruct
  void registerActive() {
    registry.gauge(
        Metadata.builder()
            .withName("stride_http_server_active_requests")
            .withDescription("Requests being answered now.")
            .build(),
        active::get);
  }

  /** The route of a resource method, its template made once by {@code template}. */
  public Route route(Method resourceMethod, Function<Method, Route> template) {
    return matched.computeIfAbsent(resourceMethod, template);
  }

  public void started() {
    active.incrementAndGet();
  }

  /** A request answered with {@code status} after {@code nanos}; {@code route} null: unmatched. */
  public void finished(String method, Route route, int status, long nanos) {
    active.decrementAndGet();
    Route counted =
        route != null
            ? route
            : unmatched.computeIfAbsent(
                METHODS.contains(method) ? method : "other", m -> new Route(m, Route.UNMATCHED));
    Route.Series series = counted.series(status, statusClass -> register(counted, statusClass));
    series.requests().inc();
    series.durations().observeNanos(nanos);
  }

  private Route.Series register(Route route, int statusClass) {
    Tag[] tags = {
      new Tag("method", route.method),
      new Tag("route", route.template),
      new Tag("status", statusClass + "xx")
    };
    return new Route.Series(
        registry.counter(
            Metadata.builder()
                .withName(REQUESTS)
                .withDescription(
                    "HTTP requests answered, by method, route template and status class.")
                .build(),
            tags),
        Histogram.register(
            registry,
            DURATION,
            "Time from a request's arrival to its answer, by method, route template and status class.",
            Histogram.LATENCY_BOUNDS,
            tags));
  }
}
