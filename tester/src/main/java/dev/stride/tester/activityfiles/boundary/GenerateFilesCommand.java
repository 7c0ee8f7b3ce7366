package dev.stride.tester.activityfiles.boundary;

import dev.stride.tester.ExitCode;
import dev.stride.tester.TimestampConverter;
import dev.stride.tester.activityfiles.control.FileGenerator;
import dev.stride.tester.activityfiles.entity.FileMix;
import dev.stride.tester.service.control.InParallel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code generate-files}: writes realistic activity files, for {@code import} and the page. */
@Command(
    name = "generate-files",
    mixinStandardHelpOptions = true,
    description = {
      "Writes --count activity files into DIR: GPX with Garmin's heart-rate and cadence"
          + " extension, TCX with a lap and its totals, FIT activity files, or the three in turn"
          + " (--format mixed). Each is a track of --duration seconds, one point a second: a walk"
          + " from a town at the pace of its activity (running, cycling, walking or hiking), with"
          + " heart rate, elevation and cadence.",
      "The same --seed writes the same files; file N starts at --start plus N times the"
          + " duration and a minute, so no two files are alike. Talks to no service."
    })
public final class GenerateFilesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "Where to write the files.")
  Path folder;

  @Option(
      names = "--count",
      paramLabel = "N",
      defaultValue = "10",
      description = "Files to write (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(
      names = "--format",
      paramLabel = "gpx|tcx|fit|mixed",
      defaultValue = "mixed",
      description = "The files' format, or the three in turn (default: ${DEFAULT-VALUE}).")
  FileMix mix;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      defaultValue = "3600",
      description = "Length of each track, one point a second (default: ${DEFAULT-VALUE}).")
  int durationSeconds;

  @Option(
      names = "--start",
      paramLabel = "TIME",
      defaultValue = "2026-01-01T06:00:00Z",
      converter = TimestampConverter.class,
      description = "Start of the first track, a date or RFC 3339 (default: ${DEFAULT-VALUE}).")
  Instant start;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "42",
      description = "Seed of the tracks (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--gzip", description = "Write the files gzipped (*.gpx.gz, …).")
  boolean gzipped;

  @Override
  public Integer call() {
    if (count < 1 || count > 1_000_000) {
      throw new ParameterException(spec.commandLine(), "--count must be 1..1000000");
    }
    if (durationSeconds < 2 || durationSeconds > 86_400) {
      throw new ParameterException(spec.commandLine(), "--duration must be 2..86400 seconds");
    }
    var generator = new FileGenerator(seed, mix, Duration.ofSeconds(durationSeconds), gzipped);
    long begin = System.nanoTime();
    InParallel.map(
        IntStream.range(0, count).boxed().toList(),
        index -> generator.write(folder, index, generator.startOf(start, index)),
        Runtime.getRuntime().availableProcessors());
    var out = spec.commandLine().getOut();
    out.printf(
        java.util.Locale.ROOT,
        "wrote %d %s files to %s in %.1f s%n",
        count,
        mix,
        folder.toAbsolutePath(),
        (System.nanoTime() - begin) / 1e9);
    out.flush();
    return ExitCode.OK.code();
  }
}
