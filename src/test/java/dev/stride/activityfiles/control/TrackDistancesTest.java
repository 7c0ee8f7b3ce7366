package dev.stride.activityfiles.control;

import static dev.stride.activityfiles.control.Samples.positioned;
import static dev.stride.activityfiles.control.Samples.timed;
import static dev.stride.activityfiles.control.Samples.withDistance;
import static dev.stride.activityfiles.control.TrackDistances.EARTH_RADIUS_METERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stride.activityfiles.entity.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cumulative distances {@code /samples} returns: the file's own when it has them, otherwise the
 * length of the track, with the known answer of a meridian (a degree of latitude is the radius
 * times π/180 on a sphere).
 */
class TrackDistancesTest {
  private static final double HUNDREDTH_OF_A_DEGREE = EARTH_RADIUS_METERS * Math.PI / 180 * 0.01;

  private static List<Double> distances(List<Sample> samples) {
    return TrackDistances.withDistances(samples).stream().map(Sample::distanceMeters).toList();
  }

  @Test
  void along_a_meridian_each_hundredth_of_a_degree_is_the_radius_times_its_angle() {
    List<Double> meters =
        distances(
            List.of(
                positioned(0, 45.00, 9.19),
                positioned(10, 45.01, 9.19),
                positioned(20, 45.02, 9.19)));

    assertThat(meters.get(0)).isEqualTo(0.0);
    assertThat(meters.get(1)).isCloseTo(HUNDREDTH_OF_A_DEGREE, within(1e-6));
    assertThat(meters.get(2)).isCloseTo(2 * HUNDREDTH_OF_A_DEGREE, within(1e-6));
  }

  @Test
  void along_the_equator_a_degree_of_longitude_is_as_long_as_one_of_latitude() {
    assertThat(TrackDistances.greatCircleMeters(0, 10, 0, 11))
        .isCloseTo(EARTH_RADIUS_METERS * Math.PI / 180, within(1e-6));
  }

  @Test
  void antipodes_are_half_the_circumference_apart() {
    assertThat(TrackDistances.greatCircleMeters(0, 0, 0, 180))
        .isCloseTo(EARTH_RADIUS_METERS * Math.PI, within(1e-6));
  }

  @Test
  void samples_without_a_position_carry_the_distance_before_them_and_are_null_before_the_first() {
    List<Double> meters =
        distances(
            List.of(
                timed(0),
                positioned(1, 45.00, 9.19),
                timed(2),
                positioned(3, 45.01, 9.19),
                timed(4)));

    assertThat(meters.get(0)).isNull();
    assertThat(meters.get(1)).isEqualTo(0.0);
    assertThat(meters.get(2)).isEqualTo(0.0);
    assertThat(meters.get(3)).isCloseTo(HUNDREDTH_OF_A_DEGREE, within(1e-6));
    assertThat(meters.get(4)).isEqualTo(meters.get(3));
  }

  @Test
  void a_file_without_positions_has_no_distances() {
    assertThat(distances(List.of(timed(0), timed(1), timed(2)))).containsOnlyNulls().hasSize(3);
  }

  @Test
  void the_files_own_distances_win_over_its_positions() {
    List<Sample> samples =
        List.of(
            positioned(0, 45.00, 9.19).withDistance(0.0),
            positioned(1, 45.01, 9.19).withDistance(7.5));

    assertThat(distances(samples)).containsExactly(0.0, 7.5);
  }

  @Test
  void
      a_sample_without_the_files_distance_carries_the_one_before_and_none_is_invented_before_the_first() {
    List<Sample> samples =
        List.of(
            positioned(0, 45.00, 9.19),
            withDistance(1, 3.0),
            positioned(2, 45.01, 9.19),
            withDistance(3, 9.0));

    assertThat(distances(samples)).containsExactly(null, 3.0, 3.0, 9.0);
  }

  @Test
  void everything_but_the_distance_is_kept() {
    Sample sample = new Sample(Samples.at(0), 45.0, 9.19, 122.0, null, 97, 80, 200, 3.1);

    assertThat(TrackDistances.withDistances(List.of(sample)))
        .containsExactly(sample.withDistance(0.0));
  }
}
