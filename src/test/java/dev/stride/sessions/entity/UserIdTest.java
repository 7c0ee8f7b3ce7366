package dev.stride.sessions.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UserIdTest {
  static Stream<String> valid() {
    return Stream.of(
        "u1",
        "7",
        "A.b_c-9",
        "u" + "-".repeat(UserId.MAX_LENGTH - 1),
        "x".repeat(UserId.MAX_LENGTH));
  }

  static Stream<String> invalid() {
    return Stream.of(
        "",
        "x".repeat(UserId.MAX_LENGTH + 1),
        ".u",
        "_u",
        "-u",
        "u 1",
        "u/1",
        "u\u00e9",
        "u\u0000",
        "u1\n");
  }

  @ParameterizedTest
  @MethodSource("valid")
  void takesWhatTheRuleAllows(String text) {
    assertThat(UserId.isValid(text)).isTrue();
    assertThat(UserId.parse(text)).map(UserId::value).contains(text);
    assertThat(Pattern.matches(UserId.PATTERN, text)).as("the documented pattern").isTrue();
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void refusesWhatTheRuleDoesNot(String text) {
    assertThat(UserId.isValid(text)).isFalse();
    assertThat(UserId.parse(text)).isEmpty();
    assertThat(Pattern.matches(UserId.PATTERN, text)).as("the documented pattern").isFalse();
    assertThatThrownBy(() -> new UserId(text)).hasMessageContaining(UserId.RULE);
  }

  @Test
  void nullIsNoUserId() {
    assertThat(UserId.parse(null)).isEmpty();
    assertThat(UserId.isValid(null)).isFalse();
  }

  @Test
  void theRuleStatesTheBound() {
    assertThat(UserId.RULE).contains(String.valueOf(UserId.MAX_LENGTH));
    assertThat(UserId.PATTERN).contains("{0," + (UserId.MAX_LENGTH - 1) + "}");
  }
}
