package dev.stride.activityfiles.control;

import static dev.stride.activityfiles.control.Samples.withDistance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.stride.activityfiles.entity.Sample;
import dev.stride.records.entity.RecordDistances;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fastest stretches with known answers, against an independent model (every start point on a fine
 * grid, the end found by bisection), and at the size of a day sampled every second.
 */
class FastestStretchesTest {

  /** A sample every second of a run at {@code speed(t)} meters per second, integrated exactly. */
  private static List<Sample> run(int seconds, double fastFrom, double fastTo) {
    List<Sample> samples = new ArrayList<>();
    for (int t = 0; t <= seconds; t++) {
      samples.add(withDistance(t, distanceAt(t, fastFrom, fastTo)));
    }
    return samples;
  }

  /** 4 m/s, but 5 m/s from {@code fastFrom} to {@code fastTo}. */
  private static double distanceAt(double t, double fastFrom, double fastTo) {
    double fast = Math.max(0, Math.min(t, fastTo) - fastFrom);
    return 4 * t + fast;
  }

  @Test
  void a_faster_kilometre_between_samples_takes_its_200_seconds() {
    // 5 m/s from 600.5 s to 803.5 s (1015 m), 4 m/s elsewhere, sampled every second: the seconds
    // on either side of the fast stretch blur to 4.5 m/s, and 202 s at 5 m/s remain, room for
    // the kilometre at 5 m/s wherever it starts between 601 s and 603 s.
    List<Sample> samples = run(3600, 600.5, 803.5);

    assertThat(FastestStretches.of(samples, List.of(1000.0))).containsEntry(1000.0, 200.0);
  }

  /**
   * Samples every 10 s. 8, 10, 10, 4 m/s: 250 m is fastest ending at 30 s (280 m), starting at 30
   * m, 3.75 s into the first interval: 26.25 s, where the best start at a sample is 27 s (from 0 s
   * to 250 m at 27 s). 4, 10, 10, 8 m/s, the same backwards: the fastest ends between samples.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "starts between samples, 0, 80, 180, 280, 320",
    "ends between samples, 0, 40, 140, 240, 320"
  })
  void the_fastest_stretch_may_start_or_end_between_samples(
      String where, double at0, double at10, double at20, double at30, double at40) {
    List<Sample> samples =
        List.of(
            withDistance(0, at0),
            withDistance(10, at10),
            withDistance(20, at20),
            withDistance(30, at30),
            withDistance(40, at40));

    assertThat(FastestStretches.of(samples, List.of(250.0))).containsEntry(250.0, 26.25);
  }

  @Test
  void a_distance_the_samples_do_not_cover_has_no_entry() {
    List<Sample> samples = run(1200, 0, 0); // 4800 m

    Map<Double, Double> fastest = FastestStretches.of(samples, RecordDistances.ALL);

    assertThat(fastest).containsOnlyKeys(100.0, 400.0, 1000.0, 1500.0);
    assertThat(fastest).containsEntry(1000.0, 250.0).containsEntry(100.0, 25.0);
  }

  @Test
  void exactly_the_distance_is_covered() {
    List<Sample> samples = List.of(withDistance(0, 10.0), withDistance(100, 1010.0));

    assertThat(FastestStretches.of(samples, List.of(1000.0, 1000.001)))
        .containsOnlyKeys(1000.0)
        .containsEntry(1000.0, 100.0);
  }

  @Test
  void samples_without_a_distance_are_left_out() {
    List<Sample> samples =
        List.of(
            withDistance(0, null),
            withDistance(10, 0.0),
            withDistance(20, null),
            withDistance(30, 100.0));

    assertThat(FastestStretches.of(samples, List.of(100.0))).containsEntry(100.0, 20.0);
  }

  @Test
  void without_distances_or_with_one_sample_nothing_is_covered() {
    assertThat(
            FastestStretches.of(
                List.of(withDistance(0, null), withDistance(9, null)), List.of(1.0)))
        .isEmpty();
    assertThat(FastestStretches.of(List.of(withDistance(0, 5.0)), List.of(1.0))).isEmpty();
    assertThat(FastestStretches.of(List.of(), List.of(1.0))).isEmpty();
  }

  @Test
  void a_distance_that_drops_is_standing_still_until_it_passes_its_high_again() {
    // The sensor restarts at 20 s: without the guard, 0 -> 150 m over 20..30 s would be 10 s.
    List<Sample> samples =
        List.of(
            withDistance(0, 0.0),
            withDistance(10, 100.0),
            withDistance(20, 0.0),
            withDistance(30, 150.0),
            withDistance(40, 250.0));

    // Standing at 100 m from 10 to 20 s, then 100 -> 150 m in 10 s and 150 -> 250 m in 10 s.
    assertThat(FastestStretches.of(samples, List.of(150.0))).containsEntry(150.0, 20.0);
  }

  @Test
  void times_are_rounded_to_the_millisecond() {
    List<Sample> samples = List.of(withDistance(0, 0.0), withDistance(3, 1.0));

    assertThat(FastestStretches.of(samples, List.of(1.0 / 3))).containsEntry(1.0 / 3, 1.0);
    assertThat(
            FastestStretches.of(List.of(withDistance(0, 0.0), withDistance(1, 3.0)), List.of(1.0)))
        .containsEntry(1.0, 0.333);
  }

  @Test
  void a_distance_that_is_not_positive_is_a_mistake() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FastestStretches.of(List.of(), List.of(0.0)));
  }

  @Test
  void agrees_with_slow_searches_over_random_tracks() {
    Random random = new Random(20261101);
    for (int track = 0; track < 50; track++) {
      List<Sample> samples = new ArrayList<>();
      double time = 0;
      double meters = 0;
      for (int i = 0; i < 30; i++) {
        samples.add(withDistance(time, meters));
        time += 1 + random.nextInt(10);
        // Now and then a stop: the distance does not grow.
        meters += random.nextInt(5) == 0 ? 0 : random.nextDouble() * 60;
      }
      Track slow = new Track(samples);
      for (double distance : List.of(7.5, 55.0, 120.0, 400.0, 700.0)) {
        Map<Double, Double> fastest = FastestStretches.of(samples, List.of(distance));
        if (slow.meters[slow.size - 1] - slow.meters[0] < distance) {
          assertThat(fastest).isEmpty();
          continue;
        }
        assertThat(fastest.get(distance))
            .isCloseTo(slow.fastestAnchoredAtASample(distance), within(0.0005))
            .isLessThanOrEqualTo(slow.fastestFromAGridOfStarts(distance) + 0.0005);
      }
    }
  }

  /**
   * A track searched slowly, with no two-pointer: every stretch that starts or ends at a sample,
   * each scanned for from the first sample; and, with no reasoning about where the minimum lies,
   * 200 starts within every interval, which cannot find a faster stretch than the true fastest.
   */
  private static final class Track {
    final double[] seconds;
    final double[] meters;
    final int size;

    Track(List<Sample> samples) {
      size = samples.size();
      seconds = new double[size];
      meters = new double[size];
      for (int i = 0; i < size; i++) {
        seconds[i] = Seconds.between(samples.get(0).time(), samples.get(i).time());
        meters[i] = samples.get(i).distanceMeters();
      }
    }

    double fastestAnchoredAtASample(double distance) {
      double best = Double.POSITIVE_INFINITY;
      for (int i = 0; i < size; i++) {
        if (meters[i] + distance <= meters[size - 1]) {
          best = Math.min(best, earliestAt(meters[i] + distance) - seconds[i]);
        }
        if (meters[i] - distance >= meters[0]) {
          best = Math.min(best, seconds[i] - latestAt(meters[i] - distance));
        }
      }
      return best;
    }

    double fastestFromAGridOfStarts(double distance) {
      double best = Double.POSITIVE_INFINITY;
      for (int k = 0; k + 1 < size; k++) {
        for (int step = 0; step <= 200; step++) {
          double f = step / 200.0;
          double from = meters[k] + f * (meters[k + 1] - meters[k]);
          if (from + distance <= meters[size - 1]) {
            double start = seconds[k] + f * (seconds[k + 1] - seconds[k]);
            best = Math.min(best, earliestAt(from + distance) - start);
          }
        }
      }
      return best;
    }

    /** The first time the distance reaches {@code target}, past the first sample's. */
    private double earliestAt(double target) {
      int k = 1;
      while (meters[k] < target) {
        k++;
      }
      return interpolated(k, target);
    }

    /** The last time the distance is {@code target}, short of the last sample's. */
    private double latestAt(double target) {
      int k = size - 1;
      while (meters[k - 1] > target) {
        k--;
      }
      return interpolated(k, target);
    }

    private double interpolated(int k, double target) {
      double f = (target - meters[k - 1]) / (meters[k] - meters[k - 1]);
      return seconds[k - 1] + f * (seconds[k] - seconds[k - 1]);
    }
  }

  @Test
  void a_day_sampled_every_second_takes_milliseconds() {
    Random random = new Random(7);
    List<Sample> samples = new ArrayList<>();
    double meters = 0;
    for (int t = 0; t < 86_400; t++) {
      samples.add(withDistance(t, meters));
      meters += 2 + random.nextDouble() * 8;
    }
    FastestStretches.of(samples, RecordDistances.ALL); // warm up the JIT

    long started = System.nanoTime();
    Map<Double, Double> fastest = FastestStretches.of(samples, RecordDistances.ALL);
    long micros = (System.nanoTime() - started) / 1000;
    System.out.printf(
        "FastestStretches: %d samples, %d distances in %d µs%n",
        samples.size(), RecordDistances.ALL.size(), micros);
    assertThat(fastest).containsOnlyKeys(RecordDistances.ALL);
  }
}
