package dev.stride.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.support.Api.Answer;

/** What every error answer must be: an RFC 9457 problem that leaks nothing internal. */
public final class Problems {
  private Problems() {}

  public static void assertProblem(Answer answer, int status) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    var problem = answer.json();
    assertThat(problem.getInt("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("type")).isEqualTo("about:blank");
    assertThat(problem.getString("detail")).isNotBlank();
    // The request's id is on every answer; a 5xx names it, so that a user can quote it.
    String requestId = answer.header("X-Request-Id").orElse(null);
    assertThat(requestId).as("X-Request-Id of " + answer).matches("[A-Za-z0-9._:-]{1,64}");
    if (status >= 500) {
      assertThat(problem.getString("instance")).isEqualTo("urn:stride:request:" + requestId);
    }
    assertLeaksNothing(answer);
  }

  public static void assertLeaksNothing(Answer answer) {
    assertThat(answer.body())
        .doesNotContainIgnoringCase("exception")
        .doesNotContain("\tat ", "java.", "jakarta.", "org.", "dev.stride", "com.sun")
        .doesNotContainIgnoringCase("payara")
        .doesNotContainIgnoringCase("eclipselink")
        .doesNotContainIgnoringCase("postgres")
        .doesNotContain("SQL", "INSERT", "SELECT");
    assertThat(answer.header("X-Powered-By")).isEmpty();
    answer.header("Server").ifPresent(server -> assertThat(server).doesNotContainPattern("\\d"));
  }
}
