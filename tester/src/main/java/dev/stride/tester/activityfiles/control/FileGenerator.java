package dev.stride.tester.activityfiles.control;

import dev.stride.tester.activityfiles.entity.ActivityFile;
import dev.stride.tester.activityfiles.entity.FileFormat;
import dev.stride.tester.activityfiles.entity.FileMix;
import dev.stride.tester.activityfiles.entity.Track;
import dev.stride.tester.sessions.entity.Activity;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes generated activity files: file number {@code index} of a seed always has the same
 * activity, format and track, whichever thread writes it and in which order. Its start time is the
 * caller's: a different one for every file, so that no two files have the same bytes (and SHA-256),
 * and Stride imports each as a session of its own.
 */
public final class FileGenerator {

  private final long seed;
  private final FileMix mix;
  private final Duration duration;
  private final boolean gzipped;

  /** Between the end of one generated track and the start of the next. */
  private static final Duration PAUSE = Duration.ofMinutes(1);

  /**
   * @param duration of each track, one point a second: an hour is 3,600 points
   * @param gzipped whether the files are written gzipped ({@code .gpx.gz}, …)
   */
  public FileGenerator(long seed, FileMix mix, Duration duration, boolean gzipped) {
    this.seed = seed;
    this.mix = mix;
    this.duration = duration;
    this.gzipped = gzipped;
  }

  /** When file number {@code index} starts if the first starts at {@code first}. */
  public Instant startOf(Instant first, int index) {
    return first.plus(duration.plus(PAUSE).multipliedBy(index));
  }

  /** Writes file number {@code index}, whose track starts at {@code start}, into {@code folder}. */
  public ActivityFile write(Path folder, int index, Instant start) {
    // a seed of each file's own, so that files do not depend on one another; SplittableRandom
    // mixes its seed, so neighbouring seeds still make unrelated tracks
    var random = new SplittableRandom(seed + index * 0x9E3779B97F4A7C15L);
    Activity activity =
        TrackGenerator.ACTIVITIES.get(random.nextInt(TrackGenerator.ACTIVITIES.size()));
    FileFormat format = mix.formatOf(index);
    Track track = TrackGenerator.track(random.nextLong(), activity, start, duration);
    String base = String.format(Locale.ROOT, "%05d-%s", index, activity.wireName());
    var file =
        new ActivityFile(
            folder.resolve(ActivityFile.fileName(base, format, gzipped)), format, gzipped);
    try {
      Files.createDirectories(folder);
      write(track, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file.path() + ": " + e.getMessage(), e);
    }
    return file;
  }

  private static void write(Track track, ActivityFile file) throws IOException {
    if (file.format() == FileFormat.FIT) {
      writeFit(track, file);
      return;
    }
    try (var out = open(file.path(), file.gzipped())) {
      if (file.format() == FileFormat.GPX) {
        GpxFile.write(track, out);
      } else {
        TcxFile.write(track, out);
      }
    }
  }

  /** The FIT SDK writes a file, not a stream: a gzipped FIT file is compressed from it. */
  private static void writeFit(Track track, ActivityFile file) throws IOException {
    if (!file.gzipped()) {
      FitFile.write(track, file.path());
      return;
    }
    Path plain = Files.createTempFile(file.path().getParent(), ".fit-", ".tmp");
    try {
      FitFile.write(track, plain);
      try (var out = open(file.path(), true)) {
        Files.copy(plain, out);
      }
    } finally {
      Files.deleteIfExists(plain);
    }
  }

  private static OutputStream open(Path path, boolean gzipped) throws IOException {
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
    return gzipped ? new GZIPOutputStream(out, 1 << 16) : out;
  }
}
