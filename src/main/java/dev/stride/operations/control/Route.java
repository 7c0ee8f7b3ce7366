package dev.stride.operations.control;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import org.eclipse.microprofile.metrics.Counter;

/**
 * One label set's worth of request metrics: an HTTP method and a route template ({@code
 * /api/sessions/{id}}), with a counter and a latency histogram per status class, made on first use.
 * Templates, not paths, so the number of series stays bounded whatever ids and users are asked for.
 */
public final class Route {
  /** Requests that reached no resource method: unknown paths, and answers of the access check. */
  public static final String UNMATCHED = "unmatched";

  final String method;
  final String template;
  private final AtomicReferenceArray<Series> byStatusClass = new AtomicReferenceArray<>(6);

  public Route(String method, String template) {
    this.method = method;
    this.template = template;
  }

  record Series(Counter requests, Histogram durations) {}

  Series series(int status, IntFunction<Series> create) {
    int statusClass = status >= 100 && status < 600 ? status / 100 : 5;
    Series series = byStatusClass.get(statusClass);
    if (series != null) {
      return series;
    }
    // Registered once under a lock: two histograms registered for one label set would leave the
    // registry reading the one that is not counted.
    synchronized (this) {
      series = byStatusClass.get(statusClass);
      if (series == null) {
        series = create.apply(statusClass);
        byStatusClass.set(statusClass, series);
      }
      return series;
    }
  }
}
