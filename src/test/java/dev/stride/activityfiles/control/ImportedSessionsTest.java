package dev.stride.activityfiles.control;

import static dev.stride.activityfiles.control.Samples.START;
import static dev.stride.activityfiles.control.Samples.positioned;
import static dev.stride.activityfiles.control.Samples.timed;
import static dev.stride.activityfiles.control.Samples.withDistance;
import static dev.stride.activityfiles.control.Samples.withHeartRate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.activityfiles.entity.FileFormat;
import dev.stride.activityfiles.entity.FileTotals;
import dev.stride.activityfiles.entity.Recording;
import dev.stride.activityfiles.entity.Sample;
import dev.stride.problems.FieldError;
import dev.stride.sessions.entity.Activity;
import dev.stride.sessions.entity.Session;
import dev.stride.sessions.entity.SessionRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The session a file makes, field by field, and the rules such a session is then checked by. */
class ImportedSessionsTest {
  private static final UUID ID = UUID.fromString("3f0c8f0e-6d2a-4c1e-9a53-2b7d0c9e4a11");
  private static final Instant NOW = START.plus(Duration.ofDays(1));

  private static Recording recording(List<Sample> samples) {
    return recording(samples, FileTotals.NONE);
  }

  private static Recording recording(List<Sample> samples, FileTotals totals) {
    return new Recording(FileFormat.GPX, Activity.RUNNING, "Morning run", samples, totals);
  }

  private static Session session(Recording recording) {
    return session(recording, null, null);
  }

  private static Session session(Recording recording, Activity activity, String notes) {
    return ImportedSessions.session(
        ID, "u1", recording, TrackDistances.withDistances(recording.samples()), activity, notes);
  }

  private static Recording named(String name) {
    return new Recording(FileFormat.TCX, null, name, List.of(timed(0), timed(60)), FileTotals.NONE);
  }

  @Test
  void a_plain_file_makes_a_valid_session_that_starts_at_its_first_sample() {
    Session session =
        session(recording(List.of(positioned(0, 45.00, 9.19), positioned(1800, 45.01, 9.19))));

    assertThat(session.id()).isEqualTo(ID);
    assertThat(session.userId()).isEqualTo("u1");
    assertThat(session.startedAt()).isEqualTo(START);
    assertThat(session.durationSeconds()).isEqualTo(1800);
    assertThat(session.distanceMeters()).isBetween(1111.9, 1112.0);
    assertThat(session.activity()).isEqualTo(Activity.RUNNING);
    assertThat(session.notes()).isEqualTo("Morning run");
    assertThat(session.calories()).isNull();
    assertThat(session.avgHeartRate()).isNull();
    assertThat(session.maxHeartRate()).isNull();
    assertThat(ImportedSessions.problems(session, NOW)).isEmpty();
  }

  @ParameterizedTest(name = "{0} s lasts {1} s")
  @CsvSource({"1799.4, 1799", "1799.5, 1800", "1799.999, 1800", "0.4, 0", "0.5, 1"})
  void the_duration_is_rounded_to_the_nearest_second_half_a_second_up(
      double lastSample, int expected) {
    assertThat(session(recording(List.of(timed(0), timed(lastSample)))).durationSeconds())
        .isEqualTo(expected);
  }

  static Stream<Arguments> brokenRules() {
    return Stream.of(
        broken(
            "one sample: 0 s",
            recording(List.of(timed(0))),
            "durationSeconds",
            SessionRules.DURATION_RULE),
        broken(
            "a day and a second",
            recording(List.of(timed(0), timed(86_401))),
            "durationSeconds",
            SessionRules.DURATION_RULE),
        broken(
            "over a thousand kilometres",
            recording(List.of(withDistance(0, 0.0), withDistance(3600, 1_000_000.5))),
            "distanceMeters",
            SessionRules.DISTANCE_RULE),
        broken(
            "a total distance that is not a number",
            recording(List.of(timed(0), timed(60)), new FileTotals(Double.NaN, null, null, null)),
            "distanceMeters",
            SessionRules.DISTANCE_RULE),
        broken(
            "20001 kcal",
            recording(List.of(timed(0), timed(60)), new FileTotals(null, null, null, 20_001)),
            "calories",
            SessionRules.CALORIES_RULE),
        broken(
            "the samples' maximum below the file's average",
            recording(
                List.of(withHeartRate(0, 120), withHeartRate(10, 130)),
                new FileTotals(null, 140, null, null)),
            "maxHeartRate",
            SessionRules.HEART_RATES_IN_ORDER),
        broken("a name with a NUL", named("a\u0000b"), "notes", SessionRules.STORABLE_TEXT_RULE));
  }

  private static Arguments broken(
      String description, Recording recording, String field, String message) {
    return Arguments.of(description, recording, new FieldError(field, message));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenRules")
  void a_file_whose_session_breaks_a_rule_gets_it_named(
      String description, Recording recording, FieldError expected) {
    assertThat(ImportedSessions.problems(session(recording), NOW)).containsExactly(expected);
  }

  @Test
  void a_file_of_one_sample_lasts_0_seconds() {
    assertThat(session(recording(List.of(timed(0)))).durationSeconds()).isZero();
  }

  @Test
  void a_duration_beyond_an_int_stays_over_the_rule_rather_than_wrapping_around() {
    assertThat(ImportedSessions.roundedSeconds(Duration.ofDays(365L * 100)))
        .isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void the_files_total_distance_wins_over_the_track() {
    Session session =
        session(
            recording(
                List.of(positioned(0, 45.00, 9.19), positioned(60, 45.01, 9.19)),
                new FileTotals(1234.5, null, null, null)));

    assertThat(session.distanceMeters()).isEqualTo(1234.5);
  }

  @Test
  void without_a_total_the_distance_is_the_last_samples_even_when_it_has_no_value_of_its_own() {
    Session session =
        session(recording(List.of(withDistance(0, 0.0), withDistance(60, 250.0), timed(70))));

    assertThat(session.distanceMeters()).isEqualTo(250.0);
  }

  @Test
  void a_file_without_positions_or_distances_has_no_distance() {
    assertThat(session(recording(List.of(timed(0), timed(60)))).distanceMeters()).isNull();
  }

  @Test
  void each_heart_rate_weighs_the_time_until_the_next_one() {
    // 100 bpm for 10 s, then 200 bpm for 30 s: (100 * 10 + 200 * 30) / 40 = 175.
    Session session =
        session(
            recording(
                List.of(withHeartRate(0, 100), withHeartRate(10, 200), withHeartRate(40, 200))));

    assertThat(session.avgHeartRate()).isEqualTo(175);
    assertThat(session.maxHeartRate()).isEqualTo(200);
  }

  @Test
  void a_heart_rate_holds_across_samples_without_one_and_the_last_weighs_nothing() {
    // 100 holds from 0 to 30 s (the sample at 10 s has none), 160 from 30 to 40 s, 250 is last.
    Session session =
        session(
            recording(
                List.of(
                    withHeartRate(0, 100),
                    timed(10),
                    withHeartRate(30, 160),
                    withHeartRate(40, 250))));

    assertThat(session.avgHeartRate()).isEqualTo(115);
    assertThat(session.maxHeartRate()).isEqualTo(250);
  }

  @Test
  void the_mean_is_rounded_half_up() {
    // (100 * 1 + 101 * 1) / 2 = 100.5
    assertThat(
            session(
                    recording(
                        List.of(
                            withHeartRate(0, 100), withHeartRate(1, 101), withHeartRate(2, 90))))
                .avgHeartRate())
        .isEqualTo(101);
  }

  @Test
  void a_single_heart_rate_is_its_own_mean() {
    assertThat(session(recording(List.of(withHeartRate(0, 140), timed(60)))).avgHeartRate())
        .isEqualTo(140);
  }

  @Test
  void a_heart_rate_of_0_is_a_strap_without_contact_not_a_value() {
    Session session =
        session(
            recording(
                List.of(
                    withHeartRate(0, 0),
                    withHeartRate(10, 120),
                    withHeartRate(20, 0),
                    withHeartRate(30, 140),
                    withHeartRate(40, 0))));

    // 120 holds from 10 to 30 s, 140 is the last heart rate.
    assertThat(session.avgHeartRate()).isEqualTo(120);
    assertThat(session.maxHeartRate()).isEqualTo(140);
  }

  @Test
  void only_zeros_are_no_heart_rate_at_all() {
    Session session = session(recording(List.of(withHeartRate(0, 0), withHeartRate(10, 0))));

    assertThat(session.avgHeartRate()).isNull();
    assertThat(session.maxHeartRate()).isNull();
  }

  @Test
  void the_files_heart_rates_win_each_on_its_own() {
    List<Sample> samples = List.of(withHeartRate(0, 100), withHeartRate(10, 180), timed(20));

    Session both = session(recording(samples, new FileTotals(null, 150, 190, null)));
    Session avgOnly = session(recording(samples, new FileTotals(null, 150, null, null)));
    Session maxOnly = session(recording(samples, new FileTotals(null, null, 190, null)));
    Session zeros = session(recording(samples, new FileTotals(null, 0, 0, null)));

    assertThat(List.of(both.avgHeartRate(), both.maxHeartRate())).containsExactly(150, 190);
    assertThat(List.of(avgOnly.avgHeartRate(), avgOnly.maxHeartRate())).containsExactly(150, 180);
    assertThat(List.of(maxOnly.avgHeartRate(), maxOnly.maxHeartRate())).containsExactly(100, 190);
    assertThat(List.of(zeros.avgHeartRate(), zeros.maxHeartRate())).containsExactly(100, 180);
  }

  @Test
  void heart_rates_outside_the_rule_are_named_each() {
    Session session =
        session(recording(List.of(timed(0), timed(60)), new FileTotals(null, 19, 251, null)));

    assertThat(ImportedSessions.problems(session, NOW))
        .containsExactly(
            new FieldError("avgHeartRate", SessionRules.HEART_RATE_RULE),
            new FieldError("maxHeartRate", SessionRules.HEART_RATE_RULE));
  }

  @ParameterizedTest(name = "{0} kcal in the file: {1}")
  @CsvSource({"650, 650", "0,", "-5,", ","})
  void calories_only_when_the_file_records_a_positive_total(Integer inFile, Integer expected) {
    Session session =
        session(recording(List.of(timed(0), timed(60)), new FileTotals(null, null, null, inFile)));

    assertThat(session.calories()).isEqualTo(expected);
  }

  @Test
  void the_querys_activity_wins_then_the_files_then_other() {
    Recording running = recording(List.of(timed(0), timed(60)));
    Recording unnamed = named("x");

    assertThat(session(running, Activity.YOGA, null).activity()).isEqualTo(Activity.YOGA);
    assertThat(session(running).activity()).isEqualTo(Activity.RUNNING);
    assertThat(session(unnamed).activity()).isEqualTo(Activity.OTHER);
  }

  @Test
  void the_querys_notes_win_over_the_files_name_as_given() {
    assertThat(session(named("Morning run"), null, "with Ana").notes()).isEqualTo("with Ana");
    assertThat(session(named("Morning run"), null, "").notes()).isEmpty();
  }

  @Test
  void notes_from_the_query_are_not_cut_but_named_when_too_long() {
    Session session = session(named("x"), null, "a".repeat(1001));

    assertThat(session.notes()).hasSize(1001);
    assertThat(ImportedSessions.problems(session, NOW))
        .containsExactly(new FieldError("notes", SessionRules.NOTES_RULE));
  }

  @Test
  void the_files_name_is_stripped_and_a_blank_one_is_no_notes() {
    assertThat(session(named("\n    Lunch ride\n  ")).notes()).isEqualTo("Lunch ride");
    assertThat(session(named(" \t\n")).notes()).isNull();
    assertThat(session(named("")).notes()).isNull();
    assertThat(session(named(null)).notes()).isNull();
  }

  @Test
  void the_files_name_is_cut_to_1000_code_points_never_inside_a_surrogate_pair() {
    String runner = "\uD83C\uDFC3"; // 🏃, one code point in two chars
    // 999 letters, then the runner as the 1000th code point, then more.
    Session exactly = session(named("a".repeat(999) + runner + "bbb"));
    // 998 letters and two runners: the second is the 1000th, the cut falls after its pair.
    Session pairs = session(named("a".repeat(998) + runner + runner + runner));

    assertThat(exactly.notes()).isEqualTo("a".repeat(999) + runner);
    assertThat(exactly.notes().codePointCount(0, exactly.notes().length())).isEqualTo(1000);
    assertThat(pairs.notes()).isEqualTo("a".repeat(998) + runner + runner);
    assertThat(ImportedSessions.problems(exactly, NOW)).isEmpty();
    assertThat(ImportedSessions.problems(pairs, NOW)).isEmpty();
  }

  @Test
  void a_start_before_1970_or_more_than_a_day_ahead_is_named() {
    Session session = session(recording(List.of(timed(0), timed(60))));

    assertThat(ImportedSessions.problems(session, START.minus(Duration.ofHours(25))))
        .containsExactly(new FieldError("startedAt", SessionRules.TOO_LATE));
    assertThat(ImportedSessions.problems(session, START.minus(Duration.ofHours(24)))).isEmpty();

    Instant in1969 = Instant.parse("1969-12-31T23:59:00Z");
    Session before =
        session(
            recording(
                List.of(
                    new Sample(in1969, null, null, null, null, null, null, null, null),
                    new Sample(
                        in1969.plusSeconds(30), null, null, null, null, null, null, null, null))));
    assertThat(ImportedSessions.problems(before, NOW))
        .containsExactly(new FieldError("startedAt", SessionRules.TOO_EARLY));
  }
}
