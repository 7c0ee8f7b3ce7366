package dev.stride.activityfiles.control;

import dev.stride.activityfiles.entity.FileFormat;
import dev.stride.activityfiles.entity.Sample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The samples of one file as a reader finds them, put in time order at the end.
 *
 * <p>A sample without a time is skipped: it cannot be placed on the session's time line. Devices
 * and converters sometimes write points out of order or twice for the same second, so the samples
 * are sorted stably by time and, of those sharing a time, only the first (in file order) is kept:
 * the samples endpoint promises one point per instant, in time order.
 */
final class TimedSamples {
  private final FileFormat format;
  private final List<Sample> samples = new ArrayList<>();

  TimedSamples(FileFormat format) {
    this.format = format;
  }

  void add(Sample sample) throws UnreadableFileException {
    if (sample.time() == null) {
      return;
    }
    if (!allFinite(sample)) {
      throw Unreadable.invalidValue(format, "number");
    }
    if (!onTheGlobe(sample)) {
      throw Unreadable.positionOutOfRange(format);
    }
    if (samples.size() == ActivityFileReader.MAX_SAMPLES) {
      throw Unreadable.tooManySamples(format, ActivityFileReader.MAX_SAMPLES);
    }
    samples.add(sample);
  }

  /** At least one sample, in time order, one per instant. */
  List<Sample> inTimeOrder() throws UnreadableFileException {
    if (samples.isEmpty()) {
      throw Unreadable.noTimedSamples(format);
    }
    List<Sample> sorted = new ArrayList<>(samples);
    sorted.sort(Comparator.comparing(Sample::time)); // List.sort is stable
    List<Sample> distinct = new ArrayList<>(sorted.size());
    for (Sample sample : sorted) {
      if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).time().equals(sample.time())) {
        distinct.add(sample);
      }
    }
    return distinct;
  }

  private static boolean allFinite(Sample sample) {
    return Stream.of(
            sample.latitude(),
            sample.longitude(),
            sample.elevationMeters(),
            sample.distanceMeters(),
            sample.speedMetersPerSecond())
        .allMatch(value -> value == null || Double.isFinite(value));
  }

  private static boolean onTheGlobe(Sample sample) {
    return (sample.latitude() == null || Math.abs(sample.latitude()) <= 90)
        && (sample.longitude() == null || Math.abs(sample.longitude()) <= 180);
  }
}
