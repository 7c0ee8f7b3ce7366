package dev.stride.sessions.boundary;

import static dev.stride.sessions.boundary.SessionListParameters.DEFAULT_LIMIT;
import static dev.stride.sessions.boundary.SessionListParameters.LIMIT_RULE;
import static dev.stride.sessions.boundary.SessionListParameters.MAX_LIMIT;
import static dev.stride.sessions.boundary.SessionListParameters.MIN_LIMIT;
import static dev.stride.sessions.boundary.SessionListParameters.ORDER_RULE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stride.problems.FieldError;
import dev.stride.problems.InvalidInputException;
import dev.stride.query.SessionFilterParameters;
import dev.stride.sessions.boundary.SessionListParameters.PageRequest;
import dev.stride.sessions.control.SessionQuery;
import dev.stride.sessions.entity.Activity;
import dev.stride.sessions.entity.Rfc3339;
import dev.stride.sessions.entity.SessionRules;
import dev.stride.sessions.entity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The query parameters of GET /api/sessions, read without a server. */
class SessionListParametersTest {
  /** The parameters as Jersey passes them; null and an empty list are "not given". */
  record Sent(
      String userId,
      List<String> activity,
      String from,
      String to,
      String order,
      String limit,
      String cursor) {
    static Sent none() {
      return new Sent(null, List.of(), null, null, null, null, null);
    }

    PageRequest read() {
      return new SessionListParameters(userId, activity, from, to, order, limit, cursor).read();
    }

    Sent userId(String value) {
      return new Sent(value, activity, from, to, order, limit, cursor);
    }

    Sent activity(String... values) {
      return new Sent(userId, List.of(values), from, to, order, limit, cursor);
    }

    Sent period(String start, String end) {
      return new Sent(userId, activity, start, end, order, limit, cursor);
    }

    Sent order(String value) {
      return new Sent(userId, activity, from, to, value, limit, cursor);
    }

    Sent limit(String value) {
      return new Sent(userId, activity, from, to, order, value, cursor);
    }

    Sent cursor(String value) {
      return new Sent(userId, activity, from, to, order, limit, value);
    }
  }

  @Test
  void noParametersAskForTheFirstPageOfEverySessionNewestFirst() {
    PageRequest page = Sent.none().read();

    assertThat(page.query()).isEqualTo(new SessionQuery(null, Set.of(), null, null, true));
    assertThat(page.size()).isEqualTo(DEFAULT_LIMIT);
    assertThat(page.cursor()).isNull();
  }

  @Test
  void everyParameterIsReadIntoTheQuery() {
    PageRequest page =
        Sent.none()
            .userId("u1")
            .activity("running", "yoga", "running")
            .period("2026-10-02T00:00:00+02:00", "2026-10-03T00:00:00Z")
            .order("asc")
            .limit("7")
            .cursor("opaque")
            .read();

    assertThat(page.query())
        .isEqualTo(
            new SessionQuery(
                "u1",
                Set.of(Activity.RUNNING, Activity.YOGA),
                Instant.parse("2026-10-01T22:00:00Z"),
                Instant.parse("2026-10-03T00:00:00Z"),
                false));
    assertThat(page.size()).isEqualTo(7);
    assertThat(page.cursor()).isEqualTo("opaque");
    assertThat(Sent.none().order("desc").read().query().newestFirst()).isTrue();
  }

  @Test
  void thePageSizeMayBeAnyWithinItsBounds() {
    assertThat(Sent.none().limit("" + MIN_LIMIT).read().size()).isEqualTo(MIN_LIMIT);
    assertThat(Sent.none().limit("" + MAX_LIMIT).read().size()).isEqualTo(MAX_LIMIT);
  }

  /** A cursor is bound to the query, which the page size is not part of. */
  @Test
  void thePageSizeIsNotPartOfTheQuery() {
    Sent sent = Sent.none().userId("u1").activity("yoga").cursor("opaque");

    PageRequest small = sent.limit("2").read();
    PageRequest large = sent.limit("3").read();

    assertThat(small.query()).isEqualTo(large.query());
    assertThat(small.key()).as("the kept page").isNotEqualTo(large.key());
  }

  static Stream<Arguments> invalidParameters() {
    Sent none = Sent.none();
    return Stream.of(
        Arguments.of(none.userId(""), "userId", UserId.RULE),
        Arguments.of(none.userId("-bad"), "userId", UserId.RULE),
        Arguments.of(none.activity("dancing"), "activity", SessionRules.ACTIVITY_RULE),
        Arguments.of(none.activity(""), "activity", SessionRules.ACTIVITY_RULE),
        Arguments.of(none.period("yesterday", null), "from", Rfc3339.EXPECTED),
        Arguments.of(none.period(null, "2026-13-01T00:00:00Z"), "to", Rfc3339.EXPECTED),
        Arguments.of(
            none.period("2026-10-02T00:00:00Z", "2026-10-01T00:00:00Z"),
            "from",
            SessionFilterParameters.FROM_NOT_BEFORE_TO),
        Arguments.of(
            none.period("2026-10-02T00:00:00Z", "2026-10-02T02:00:00+02:00"),
            "from",
            SessionFilterParameters.FROM_NOT_BEFORE_TO),
        Arguments.of(none.order("newest"), "order", ORDER_RULE),
        Arguments.of(none.order(""), "order", ORDER_RULE),
        Arguments.of(none.limit("" + (MIN_LIMIT - 1)), "limit", LIMIT_RULE),
        Arguments.of(none.limit("" + (MAX_LIMIT + 1)), "limit", LIMIT_RULE),
        Arguments.of(none.limit("ten"), "limit", LIMIT_RULE),
        Arguments.of(none.limit(""), "limit", LIMIT_RULE),
        Arguments.of(none.limit("99999999999"), "limit", LIMIT_RULE));
  }

  @ParameterizedTest
  @MethodSource("invalidParameters")
  void anInvalidParameterIsNamedWithItsRule(Sent sent, String parameter, String rule) {
    assertThat(errorsOf(sent)).containsExactly(new FieldError(parameter, rule));
  }

  @Test
  void everyInvalidParameterIsReportedAtOnceInTheOrderOfTheApi() {
    Sent everything =
        Sent.none()
            .userId("-bad")
            .activity("dancing", "running", "Yoga")
            .period("yesterday", "tomorrow")
            .order("newest")
            .limit("0")
            .cursor("not checked here");

    assertThat(errorsOf(everything))
        .containsExactly(
            new FieldError("userId", UserId.RULE),
            new FieldError("activity", SessionRules.ACTIVITY_RULE),
            new FieldError("activity", SessionRules.ACTIVITY_RULE),
            new FieldError("from", Rfc3339.EXPECTED),
            new FieldError("to", Rfc3339.EXPECTED),
            new FieldError("order", ORDER_RULE),
            new FieldError("limit", LIMIT_RULE));
  }

  private static List<FieldError> errorsOf(Sent sent) {
    InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, sent::read);
    assertThat(refused).as("a 400").isNotNull();
    return refused.errors();
  }
}
