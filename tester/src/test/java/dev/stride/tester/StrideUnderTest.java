package dev.stride.tester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.stride.tester.access.entity.Bearer;
import dev.stride.tester.access.entity.Secret;
import dev.stride.tester.service.control.ServiceClient;
import java.net.URI;
import java.time.Duration;

/**
 * The Stride the ITs run against: its API root from {@code -Dstride.baseUrl} (without it they are
 * skipped) and an admin token from {@code -Dstride.token}, else from {@code STRIDE_ADMIN_TOKEN}.
 */
final class StrideUnderTest {

  static final String BASE_URL = System.getProperty("stride.baseUrl", "");
  static final String ADMIN_TOKEN = adminToken();

  private StrideUnderTest() {}

  /** Skips the test without a Stride to run against; fails it without a token for that Stride. */
  static void require() {
    assumeFalse(BASE_URL.isBlank(), "set -Dstride.baseUrl to run against a Stride service");
    assertThat(ADMIN_TOKEN)
        .as("the admin token of %s: set -Dstride.token or STRIDE_ADMIN_TOKEN", BASE_URL)
        .isNotBlank();
  }

  /** A client of the Stride under test with the admin token. */
  static ServiceClient admin() {
    return new ServiceClient(
        URI.create(BASE_URL),
        new Bearer(Secret.of(ADMIN_TOKEN), "the admin token was refused"),
        Duration.ofSeconds(30),
        2,
        Duration.ofMillis(100));
  }

  private static String adminToken() {
    String token = System.getProperty("stride.token");
    // failsafe's XML report lists the system properties of the tests' JVM: not this one
    System.clearProperty("stride.token");
    if (token == null || token.isBlank()) {
      token = System.getenv("STRIDE_ADMIN_TOKEN");
    }
    return token == null ? "" : token.strip();
  }
}
