package dev.stride.activityfiles.control;

import dev.stride.activityfiles.entity.Sample;
import java.util.List;

/**
 * What the columns of {@code session_samples} take beyond what the readers already refuse (untimed
 * samples, positions off the globe, numbers that are not finite: see TimedSamples): heart rate and
 * cadence are smallint, power an integer, none of them negative. A file that says otherwise (a
 * heart rate of 99999) is refused here with a 400 naming the sample, before anything reaches the
 * database.
 */
final class SampleLimits {
  private SampleLimits() {}

  static void check(List<Sample> samples) throws UnreadableFileException {
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      if (!within(s.heartRate(), Short.MAX_VALUE)
          || !within(s.cadence(), Short.MAX_VALUE)
          || !within(s.powerWatts(), Integer.MAX_VALUE)) {
        throw new UnreadableFileException(
            "sample " + (i + 1) + " has an impossible heart rate, cadence or power");
      }
    }
  }

  private static boolean within(Integer value, int max) {
    return value == null || (value >= 0 && value <= max);
  }
}
