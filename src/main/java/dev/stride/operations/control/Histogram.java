package dev.stride.operations.control;

import java.util.Arrays;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * A Prometheus histogram of durations in seconds: cumulative {@code _bucket{le=...}} counts, {@code
 * _sum} and {@code _count}, each registered as a MicroProfile gauge that reads them.
 *
 * <p>Why not MicroProfile's own Timer or Histogram: Payara 6 writes their {@code _bucket} lines by
 * counting the values in a decaying sample of about a thousand recent observations, not all of
 * them, so the counts fall as well as rise and {@code rate()} over them means nothing. Here every
 * observation is counted, with one {@link LongAdder} per bucket (no lock on the request path).
 * Payara types these lines {@code gauge}; PromQL's {@code rate()} and {@code histogram_quantile()}
 * only look at the names and the {@code le} label.
 */
public final class Histogram {
  /** Upper bounds in seconds, fit for answers that take about a millisecond. */
  public static final double[] LATENCY_BOUNDS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private final double[] bounds;
  private final LongAdder[] counts; // counts[i]: observations in (bounds[i-1], bounds[i]]
  private final LongAdder count = new LongAdder();
  private final DoubleAdder sum = new DoubleAdder();

  private Histogram(double[] bounds) {
    this.bounds = bounds.clone();
    this.counts =
        Stream.generate(LongAdder::new).limit(bounds.length + 1).toArray(LongAdder[]::new);
  }

  /** A new histogram named {@code name} (ending in {@code _seconds}), registered with its tags. */
  public static Histogram register(
      MetricRegistry registry, String name, String help, double[] bounds, Tag... tags) {
    Histogram histogram = new Histogram(bounds);
    for (int i = 0; i <= bounds.length; i++) {
      int upTo = i;
      String le = i < bounds.length ? Double.toString(bounds[i]) : "+Inf";
      registry.gauge(
          metadata(name + "_bucket", help), () -> histogram.cumulative(upTo), with(tags, le));
    }
    registry.gauge(metadata(name + "_sum", help), histogram.sum::sum, tags);
    registry.gauge(metadata(name + "_count", help), histogram.count::sum, tags);
    return histogram;
  }

  public void observeNanos(long nanos) {
    double seconds = nanos / 1e9;
    int bucket = Arrays.binarySearch(bounds, seconds);
    counts[bucket >= 0 ? bucket : -bucket - 1].increment();
    sum.add(seconds);
    count.increment();
  }

  /** Observations of at most {@code bounds[upTo]} seconds (every one for the last bucket). */
  private long cumulative(int upTo) {
    long total = 0;
    for (int i = 0; i <= upTo; i++) {
      total += counts[i].sum();
    }
    return total;
  }

  private static Metadata metadata(String name, String help) {
    return Metadata.builder().withName(name).withDescription(help).build();
  }

  private static Tag[] with(Tag[] tags, String le) {
    Tag[] all = Arrays.copyOf(tags, tags.length + 1);
    all[tags.length] = new Tag("le", le);
    return all;
  }
}
