package dev.stride.operations.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rewrites Payara's Prometheus text so that each {@link Histogram} is one {@code histogram} family,
 * as Prometheus's conventions want it: Payara can only export it as three gauges ({@code x_bucket},
 * {@code x_sum}, {@code x_count}), each with its own {@code # TYPE ... gauge}. A gauge family is
 * taken for a histogram's part when {@code x_bucket} has {@code le} labels and {@code x_sum} and
 * {@code x_count} exist; the three are written together under {@code # TYPE x histogram}, where the
 * first of them was. Everything else passes unchanged, in its order.
 */
public final class PayaraMetricsText {
  private static final Pattern TYPE = Pattern.compile("^# TYPE (\\S+) (\\S+)$");
  private static final Pattern HELP = Pattern.compile("^# HELP (\\S+) (.*)$");
  private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ].*");
  private static final Pattern SAMPLED_POOL =
      Pattern.compile("(# (TYPE|HELP) )?connection_pool_.*");
  private static final List<String> PARTS = List.of("_bucket", "_sum", "_count");

  private PayaraMetricsText() {}

  /**
   * Without Payara's {@code connection_pool_*} series: they come from its connection-pool health
   * check, which is off, so they read 0 under any load; {@code stride_db_pool_*} are the pool's
   * figures.
   */
  public static String withoutSampledPoolFigures(String text) {
    return text.lines()
        .filter(line -> !SAMPLED_POOL.matcher(line).matches())
        .collect(Collectors.joining("\n", "", "\n"));
  }

  public static String histogramFamilies(String text) {
    List<String> lines = text.lines().toList();
    Map<String, String> types = new LinkedHashMap<>();
    Map<String, String> helps = new LinkedHashMap<>();
    for (String line : lines) {
      Matcher type = TYPE.matcher(line);
      if (type.matches()) {
        types.put(type.group(1), type.group(2));
      }
      Matcher help = HELP.matcher(line);
      if (help.matches()) {
        helps.putIfAbsent(help.group(1), help.group(2));
      }
    }
    Set<String> histograms =
        types.keySet().stream()
            .filter(name -> name.endsWith("_bucket"))
            .map(name -> name.substring(0, name.length() - "_bucket".length()))
            .filter(base -> PARTS.stream().allMatch(part -> "gauge".equals(types.get(base + part))))
            .filter(
                base ->
                    lines.stream()
                        .anyMatch(l -> l.startsWith(base + "_bucket{") && l.contains("le=\"")))
            .collect(Collectors.toSet());
    if (histograms.isEmpty()) {
      return text;
    }
    Map<String, List<String>> series = new LinkedHashMap<>();
    List<String> out = new ArrayList<>(lines.size());
    for (String line : lines) {
      String name = nameOf(line);
      String base = name == null ? null : baseOf(name, histograms);
      if (base == null) {
        out.add(line);
        continue;
      }
      if (!series.containsKey(base)) {
        series.put(base, new ArrayList<>());
        out.add("\0" + base); // where the family goes
      }
      if (!line.startsWith("#")) {
        series.get(base).add(line);
      }
    }
    StringBuilder rewritten = new StringBuilder(text.length() + 256);
    for (String line : out) {
      if (line.startsWith("\0")) {
        String base = line.substring(1);
        rewritten
            .append("# HELP ")
            .append(base)
            .append(' ')
            .append(helps.getOrDefault(base + "_bucket", ""))
            .append('\n');
        rewritten.append("# TYPE ").append(base).append(" histogram\n");
        for (String part : PARTS) {
          series.get(base).stream()
              .filter(s -> s.startsWith(base + part + "{") || s.startsWith(base + part + " "))
              .forEach(s -> rewritten.append(s).append('\n'));
        }
      } else {
        rewritten.append(line).append('\n');
      }
    }
    return rewritten.toString();
  }

  /** The metric name a line is about: a series' name, or the name of a TYPE or HELP line. */
  private static String nameOf(String line) {
    Matcher matcher =
        line.startsWith("# TYPE")
            ? TYPE.matcher(line)
            : line.startsWith("# HELP") ? HELP.matcher(line) : SERIES.matcher(line);
    return matcher.matches() ? matcher.group(1) : null;
  }

  private static String baseOf(String name, Set<String> histograms) {
    for (String part : PARTS) {
      if (name.endsWith(part)) {
        String base = name.substring(0, name.length() - part.length());
        if (histograms.contains(base)) {
          return base;
        }
      }
    }
    return null;
  }
}
