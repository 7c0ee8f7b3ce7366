package dev.stride.tester.measurement.control;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * The closing figures of a run: what was sent, how the service answered, how fast. The same figures
 * are printed and written as {@code metric,value} rows to {@code summary.csv}.
 */
public final class RunSummary {

  private final Map<String, String> metrics = new LinkedHashMap<>();
  private final Map<String, Long> answers;
  private final long requests;
  private final double seconds;
  private final Histogram latencies;

  public RunSummary(String command, Instant startedAt, Duration elapsed, Measurements measured) {
    this.answers = measured.answersByStatus();
    this.requests = measured.requests();
    this.seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
    this.latencies = measured.latencies();
    metrics.put("command", command);
    metrics.put("startedAt", startedAt.toString());
    metrics.put("elapsedSeconds", decimal(seconds, 3));
    metrics.put("requests", Long.toString(requests));
    answers.forEach((status, count) -> metrics.put("answers." + status, Long.toString(count)));
    metrics.put("requestsPerSecond", decimal(requests / seconds, 1));
    metrics.put("latencyP50Millis", millis(latencies.getValueAtPercentile(50)));
    metrics.put("latencyP90Millis", millis(latencies.getValueAtPercentile(90)));
    metrics.put("latencyP99Millis", millis(latencies.getValueAtPercentile(99)));
    metrics.put("latencyMaxMillis", millis(latencies.getMaxValue()));
  }

  /** Adds a figure of the command, e.g. sessions sent, with its throughput when it has one. */
  public RunSummary with(String metric, Object value) {
    metrics.put(metric, String.valueOf(value));
    return this;
  }

  public RunSummary withRate(String metric, long count) {
    metrics.put(metric, Long.toString(count));
    metrics.put(metric + "PerSecond", decimal(count / seconds, 1));
    return this;
  }

  public Map<String, String> metrics() {
    return metrics;
  }

  public double seconds() {
    return seconds;
  }

  /** The summary as a few aligned lines for a person. */
  public String text() {
    var lines = new StringBuilder();
    line(lines, "requests", requests + " (" + answerList() + ")");
    line(lines, "elapsed", decimal(seconds, 3) + " s");
    line(lines, "throughput", metrics.get("requestsPerSecond") + " requests/s" + itemRates());
    line(
        lines,
        "latency ms",
        String.format(
            Locale.ROOT,
            "p50 %s  p90 %s  p99 %s  max %s",
            metrics.get("latencyP50Millis"),
            metrics.get("latencyP90Millis"),
            metrics.get("latencyP99Millis"),
            metrics.get("latencyMaxMillis")));
    return lines.toString();
  }

  private String answerList() {
    if (answers.isEmpty()) {
      return "no answers";
    }
    return answers.entrySet().stream()
        .map(answer -> answer.getKey() + ": " + answer.getValue())
        .collect(Collectors.joining(", "));
  }

  private String itemRates() {
    return metrics.entrySet().stream()
        .filter(metric -> metric.getKey().endsWith("PerSecond"))
        .filter(metric -> !metric.getKey().equals("requestsPerSecond"))
        .map(
            metric ->
                ", "
                    + metric.getValue()
                    + " "
                    + metric.getKey().substring(0, metric.getKey().length() - 9)
                    + "/s")
        .collect(Collectors.joining());
  }

  private static void line(StringBuilder lines, String name, String value) {
    lines.append(String.format(Locale.ROOT, "%-12s %s%n", name, value));
  }

  private static String millis(long micros) {
    return decimal(micros / 1000.0, 3);
  }

  static String decimal(double value, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", value);
  }
}
