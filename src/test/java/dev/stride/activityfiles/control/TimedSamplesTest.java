package dev.stride.activityfiles.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.activityfiles.entity.FileFormat;
import dev.stride.activityfiles.entity.Sample;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimedSamplesTest {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  private static Sample at(int seconds, Integer heartRate) {
    return new Sample(
        START.plusSeconds(seconds), null, null, null, null, heartRate, null, null, null);
  }

  @Test
  void sortedStablyOnePerInstantTheFirstKept() throws Exception {
    TimedSamples samples = new TimedSamples(FileFormat.GPX);
    samples.add(at(2, 1));
    samples.add(at(1, 2));
    samples.add(at(2, 3));
    samples.add(at(0, 4));
    samples.add(at(1, 5));

    assertThat(samples.inTimeOrder()).containsExactly(at(0, 4), at(1, 2), at(2, 1));
  }

  @Test
  void exactlyMaxSamplesAndNotOneMore() throws Exception {
    TimedSamples samples = new TimedSamples(FileFormat.FIT);
    for (int i = 0; i < ActivityFileReader.MAX_SAMPLES; i++) {
      samples.add(at(i, null));
    }

    assertThat(samples.inTimeOrder()).hasSize(ActivityFileReader.MAX_SAMPLES);
    assertThatThrownBy(() -> samples.add(at(-1, null)))
        .hasMessage("the FIT file holds more than 200000 samples");
  }

  @Test
  void untimedSamplesDoNotCount() {
    TimedSamples samples = new TimedSamples(FileFormat.TCX);

    assertThatThrownBy(
            () -> {
              samples.add(new Sample(null, 1.0, 2.0, null, null, null, null, null, null));
              samples.inTimeOrder();
            })
        .hasMessage("the TCX file holds no timed samples");
  }

  @Test
  void positionsOffTheGlobeAndNumbersThatAreNone() {
    TimedSamples samples = new TimedSamples(FileFormat.GPX);

    assertThatThrownBy(
            () -> samples.add(new Sample(START, 91.0, 0.0, null, null, null, null, null, null)))
        .hasMessage("the GPX file has a position off the globe");
    assertThatThrownBy(
            () ->
                samples.add(new Sample(START, 1.0, 1.0, Double.NaN, null, null, null, null, null)))
        .hasMessage("the GPX file has an invalid number");
  }
}
