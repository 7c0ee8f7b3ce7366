package dev.stride.statistics.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stride.problems.FieldError;
import dev.stride.problems.InvalidInputException;
import dev.stride.query.SessionFilterParameters;
import dev.stride.sessions.entity.Activity;
import dev.stride.sessions.entity.Rfc3339;
import dev.stride.sessions.entity.SessionRules;
import dev.stride.sessions.entity.UserId;
import dev.stride.statistics.boundary.SeriesParameters.Series;
import dev.stride.statistics.control.Bucket;
import dev.stride.statistics.control.StatisticsFilter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The parameters of a user's statistics and series, read without a server. */
class StatisticsParametersTest {
  private static StatisticsParameters stats(
      String userId, List<String> activity, String from, String to, String tz) {
    return new StatisticsParameters(userId, activity, from, to, tz);
  }

  private static SeriesParameters series(String userId, String bucket, String tz) {
    return new SeriesParameters(userId, bucket, List.of(), null, null, tz);
  }

  @Test
  void withoutQueryParametersEverySessionCountsOnUtcDays() {
    StatisticsParameters parameters = stats("u1", List.of(), null, null, null);

    assertThat(parameters.filter())
        .isEqualTo(new StatisticsFilter("u1", Set.of(), null, null, ZoneId.of("UTC")));
    assertThat(parameters.zoneName()).isEqualTo(StatisticsParameters.DEFAULT_ZONE);
  }

  @Test
  void everyParameterIsReadIntoTheFilterAndTheZoneIsEchoedAsNamed() {
    StatisticsParameters parameters =
        stats(
            "u.1",
            List.of("cycling", "rowing"),
            "2026-03-29T00:00:00+01:00",
            "2026-03-30T00:00:00Z",
            "Europe/Rome");

    assertThat(parameters.filter())
        .isEqualTo(
            new StatisticsFilter(
                "u.1",
                Set.of(Activity.CYCLING, Activity.ROWING),
                Instant.parse("2026-03-28T23:00:00Z"),
                Instant.parse("2026-03-30T00:00:00Z"),
                ZoneId.of("Europe/Rome")));
    assertThat(parameters.zoneName()).isEqualTo("Europe/Rome");
  }

  @Test
  void aSeriesIsOfWeeksUnlessItNamesABucket() {
    assertThat(series("u1", null, null).series().bucket())
        .isEqualTo(SeriesParameters.DEFAULT_BUCKET);
    assertThat(series("u1", null, null).series().filter())
        .isEqualTo(stats("u1", List.of(), null, null, null).filter());
  }

  @ParameterizedTest
  @EnumSource(Bucket.class)
  void aSeriesTakesEveryBucketByItsName(Bucket bucket) {
    assertThat(series("u1", bucket.wireName(), null).series().bucket()).isEqualTo(bucket);
  }

  static Stream<Arguments> invalidParameters() {
    return Stream.of(
        Arguments.of(stats("-u1", List.of(), null, null, null), "userId", UserId.RULE),
        Arguments.of(
            stats("u".repeat(UserId.MAX_LENGTH + 1), List.of(), null, null, null),
            "userId",
            UserId.RULE),
        Arguments.of(
            stats("u1", List.of("jogging"), null, null, null),
            "activity",
            SessionRules.ACTIVITY_RULE),
        Arguments.of(stats("u1", List.of(), "yesterday", null, null), "from", Rfc3339.EXPECTED),
        Arguments.of(stats("u1", List.of(), null, "2026-01-01", null), "to", Rfc3339.EXPECTED),
        Arguments.of(
            stats("u1", List.of(), "2026-01-01T00:00:00Z", "2026-01-01T01:00:00+01:00", null),
            "from",
            SessionFilterParameters.FROM_NOT_BEFORE_TO),
        Arguments.of(stats("u1", List.of(), null, null, "CET"), "tz", IanaZone.RULE),
        Arguments.of(stats("u1", List.of(), null, null, ""), "tz", IanaZone.RULE),
        Arguments.of(stats("u1", List.of(), null, null, "+05:30"), "tz", IanaZone.RULE));
  }

  @ParameterizedTest
  @MethodSource("invalidParameters")
  void anInvalidParameterIsNamedWithItsRule(
      StatisticsParameters parameters, String parameter, String rule) {
    assertThat(errorsOf(parameters::filter)).containsExactly(new FieldError(parameter, rule));
  }

  @Test
  void anInvalidBucketIsNamedWithItsRule() {
    for (String bucket : List.of("year", "WEEK", "")) {
      assertThat(errorsOf(series("u1", bucket, null)::series))
          .as(bucket)
          .containsExactly(new FieldError("bucket", Bucket.RULE));
    }
  }

  @Test
  void everyInvalidParameterOfASeriesIsReportedAtOnceInTheOrderOfTheApi() {
    SeriesParameters everything =
        new SeriesParameters("_x", "hour", List.of("run"), "x", "y", "Nowhere");

    assertThat(errorsOf(everything::series))
        .containsExactly(
            new FieldError("userId", UserId.RULE),
            new FieldError("from", Rfc3339.EXPECTED),
            new FieldError("to", Rfc3339.EXPECTED),
            new FieldError("activity", SessionRules.ACTIVITY_RULE),
            new FieldError("tz", IanaZone.RULE),
            new FieldError("bucket", Bucket.RULE));
  }

  @Test
  void aSeriesIsTheFilterOfItsStatisticsAndItsBucket() {
    Series read = series("u1", "month", "Asia/Kolkata").series();

    assertThat(read.bucket()).isEqualTo(Bucket.MONTH);
    assertThat(read.filter().zone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
  }

  private static List<FieldError> errorsOf(Executable reading) {
    InvalidInputException refused =
        catchThrowableOfType(InvalidInputException.class, reading::execute);
    assertThat(refused).as("a 400").isNotNull();
    return refused.errors();
  }
}
