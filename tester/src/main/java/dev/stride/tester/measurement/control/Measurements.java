package dev.stride.tester.measurement.control;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Requests of a run as they are answered, safe to record from many threads. */
public final class Measurements {

  /** The pseudo status of a request that got no answer. */
  public static final String NETWORK_ERROR = "network error";

  private static final long HOUR_IN_MICROS = TimeUnit.HOURS.toMicros(1);

  private final ConcurrentHistogram latencies = new ConcurrentHistogram(HOUR_IN_MICROS, 3);
  private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();

  public void answered(int status, long nanos) {
    latencies.recordValue(Math.min(HOUR_IN_MICROS, Math.max(1, nanos / 1000)));
    count(Integer.toString(status));
  }

  public void failed() {
    count(NETWORK_ERROR);
  }

  private void count(String status) {
    answers.computeIfAbsent(status, any -> new LongAdder()).increment();
  }

  public long requests() {
    return answers.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Answers by status, sorted by status. */
  public Map<String, Long> answersByStatus() {
    var sorted = new TreeMap<String, Long>();
    answers.forEach((status, count) -> sorted.put(status, count.sum()));
    return sorted;
  }

  /** A copy of the latencies in microseconds. */
  public Histogram latencies() {
    return latencies.copy();
  }
}
