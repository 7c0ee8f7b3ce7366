package dev.stride.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape of {@code /metrics} (Prometheus text format 0.0.4): each series — its name with its
 * labels as written — and its value. Enough to compare two scrapes; not a general parser.
 */
public record MetricsText(Map<String, Double> series) {
  private static final Pattern LINE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})?\\s+(\\S+)$");

  public static MetricsText scrape(Api backend) {
    Api.Answer answer = backend.get("/metrics");
    if (answer.status() != 200) {
      throw new IllegalStateException("GET /metrics answered " + answer);
    }
    return parse(answer.body());
  }

  public static MetricsText parse(String text) {
    Map<String, Double> series = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher matcher = LINE.matcher(line.strip());
      if (!matcher.matches()) {
        throw new IllegalArgumentException("not a series line: " + line);
      }
      String labels = matcher.group(2) == null ? "" : matcher.group(2);
      series.put(matcher.group(1) + labels, Double.parseDouble(matcher.group(3)));
    }
    return new MetricsText(series);
  }

  /** The value of {@code name} with exactly these labels (besides mp_scope), 0 when absent. */
  public double value(String name, String... labels) {
    Map<String, String> wanted = new LinkedHashMap<>();
    for (int i = 0; i + 1 < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    return series.entrySet().stream()
        .filter(entry -> entry.getKey().equals(name) || entry.getKey().startsWith(name + "{"))
        .filter(entry -> labelsOf(entry.getKey()).equals(wanted))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }

  /** How many series have names starting with {@code prefix}. */
  public long count(String prefix) {
    return series.keySet().stream().filter(key -> key.startsWith(prefix)).count();
  }

  private static Map<String, String> labelsOf(String key) {
    Map<String, String> labels = new LinkedHashMap<>();
    int open = key.indexOf('{');
    if (open < 0) {
      return labels;
    }
    Matcher pair =
        Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(key.substring(open));
    while (pair.find()) {
      if (!pair.group(1).equals("mp_scope")) {
        labels.put(pair.group(1), pair.group(2));
      }
    }
    return labels;
  }
}
