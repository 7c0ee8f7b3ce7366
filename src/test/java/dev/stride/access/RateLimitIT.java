package dev.stride.access;

import static dev.stride.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.support.Api;
import dev.stride.support.Api.Answer;
import dev.stride.support.DeployedStride;
import dev.stride.support.SecondBackend;
import dev.stride.support.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-token rate limit: a flooding token gets 429 problems with Retry-After while another token
 * is served, admin tokens are not limited, and requests on every backend count together. Backend B
 * runs with a limit of {@value #LIMIT} requests per {@value #WINDOW} s; the Arquillian backend A
 * with the default (1000 per 10 s) shares B's counter.
 */
class RateLimitIT extends DeployedStride {
  private static final int LIMIT = 30;
  private static final int WINDOW = 10;
  private static SecondBackend b;

  @BeforeAll
  static void startLimitedBackend() throws Exception {
    b =
        SecondBackend.launch(
                null,
                Map.of(
                    "STRIDE_RATE_TOKEN_REQUESTS", Integer.toString(LIMIT),
                    "STRIDE_RATE_TOKEN_WINDOW_SECONDS", Integer.toString(WINDOW)))
            .awaitReady();
  }

  @AfterAll
  static void stop() throws Exception {
    if (b != null) {
      b.close();
    }
  }

  @Test
  void aFloodingTokenIsSlowedWhileAnotherIsServed() {
    startOfAWindow();
    String user = "flood-" + UUID.randomUUID().toString().substring(0, 8);
    Api flooder = b.api().as(Tokens.secretOf(api, user, "read"));
    Api calm = b.api().as(Tokens.secretOf(api, user, "read"));
    Answer refused = null;
    for (int i = 0; i < LIMIT * 2 && refused == null; i++) {
      Answer answer = flooder.get("/api/me");
      if (answer.status() == 429) {
        refused = answer;
      }
    }
    assertThat(refused).as("a 429 within twice the limit").isNotNull();
    assertProblem(refused, 429);
    assertThat(refused.header("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, WINDOW));
    assertThat(refused.header("RateLimit-Policy"))
        .hasValue("\"token\";q=" + LIMIT + ";w=" + WINDOW);
    assertThat(calm.get("/api/me").status()).as("another token is served").isEqualTo(200);
    for (int i = 0; i < LIMIT * 2; i++) {
      assertThat(b.api().get("/api/me").status())
          .as("the admin token is not limited")
          .isEqualTo(200);
    }
  }

  @Test
  void requestsOnEveryBackendCountTogether() {
    startOfAWindow();
    String user = "shared-" + UUID.randomUUID().toString().substring(0, 8);
    String secret = Tokens.secretOf(api, user, "read");
    Api onA = api.as(secret);
    for (int i = 0; i < LIMIT; i++) {
      assertThat(onA.get("/api/me").status()).as("A's limit is the default 1000").isEqualTo(200);
    }
    // B learns A's counts from the shared counter within a flush or two (250 ms each).
    Api onB = b.api().as(secret);
    Instant deadline = Instant.now().plusSeconds(3);
    int status;
    do {
      status = onB.get("/api/me").status();
    } while (status == 200 && Instant.now().isBefore(deadline));
    assertThat(status).as("B refuses what A's requests used up").isEqualTo(429);
  }

  /**
   * Waits (on the clock, not on a server) until a fixed window has just begun, so that no window
   * ends in the middle of a test and resets the counts.
   */
  private static void startOfAWindow() {
    long second = Instant.now().getEpochSecond();
    if (second % WINDOW < WINDOW - 6) {
      return;
    }
    Instant next = Instant.ofEpochSecond((second / WINDOW + 1) * WINDOW);
    try {
      Thread.sleep(Math.max(0, Duration.between(Instant.now(), next).toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
