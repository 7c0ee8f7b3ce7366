package dev.stride.tester.activityfiles.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.tester.activityfiles.entity.TrackPoint;
import dev.stride.tester.sessions.entity.Activity;
import dev.stride.tester.simulation.control.ActivityProfile;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A generated track looks like a person's: pace, heart rate, elevation and cadence. */
class TrackGeneratorTest {

  static final Instant START = Instant.parse("2026-03-01T07:00:00Z");

  static Iterable<Activity> activities() {
    return TrackGenerator.ACTIVITIES;
  }

  @ParameterizedTest
  @MethodSource("activities")
  void anHourIsAPointASecondAtThePaceOfTheActivity(Activity activity) {
    var track = TrackGenerator.track(11, activity, START, Duration.ofHours(1));
    var profile = ActivityProfile.of(activity);

    assertThat(track.points()).hasSize(3600);
    assertThat(track.duration()).isEqualTo(Duration.ofSeconds(3599));
    double speed = track.distanceMeters() / 3599;
    assertThat(speed).isBetween(profile.minSpeed() * 0.6, profile.maxSpeed() * 1.1);
    assertThat(track.points())
        .allSatisfy(point -> assertThat(point.heartRate()).isBetween(100, 180));
    assertThat(track.maxHeartRate()).isGreaterThan(track.averageHeartRate());
    for (int i = 1; i < track.points().size(); i++) {
      TrackPoint before = track.points().get(i - 1);
      TrackPoint point = track.points().get(i);
      assertThat(point.time()).isEqualTo(before.time().plusSeconds(1));
      assertThat(Math.abs(point.heartRate() - before.heartRate()))
          .as("smooth")
          .isLessThanOrEqualTo(3);
      assertThat(Math.abs(point.elevationMeters() - before.elevationMeters())).isLessThan(2);
      double step =
          TrackGenerator.greatCircle(
              before.latitude(), before.longitude(), point.latitude(), point.longitude());
      assertThat(point.distanceMeters() - before.distanceMeters())
          .isCloseTo(step, org.assertj.core.data.Offset.offset(1e-6));
    }
    assertThat(track.calories()).isPositive();
  }

  @ParameterizedTest
  @MethodSource("activities")
  void theSameSeedMakesTheSameTrack(Activity activity) {
    assertThat(TrackGenerator.track(3, activity, START, Duration.ofMinutes(5)))
        .isEqualTo(TrackGenerator.track(3, activity, START, Duration.ofMinutes(5)))
        .isNotEqualTo(TrackGenerator.track(4, activity, START, Duration.ofMinutes(5)));
  }
}
