package dev.stride.tester.sessions.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionTest {

  static Session session(String userId, int duration, Integer avg, Integer max) {
    return new Session(
        UUID.randomUUID(),
        userId,
        Activity.RUNNING,
        Instant.parse("2026-01-01T00:00:00Z"),
        duration,
        null,
        null,
        avg,
        max,
        null);
  }

  @Test
  void userIdsFollowTheContract() {
    assertThat(Session.validUserId("u1")).isTrue();
    assertThat(Session.validUserId("9.a_b-c")).isTrue();
    assertThat(Session.validUserId("a".repeat(64))).isTrue();
    assertThat(Session.validUserId("")).isFalse();
    assertThat(Session.validUserId("a".repeat(65))).isFalse();
    assertThat(Session.validUserId("-a")).isFalse();
    assertThat(Session.validUserId("a b")).isFalse();
    assertThat(Session.validUserId("é")).isFalse();
  }

  @Test
  void aSessionOutsideTheContractCannotBeMade() {
    assertThatThrownBy(() -> session("u1", 0, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> session("u1", 86_401, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> session("u1", 60, 150, 140)).hasMessageContaining("maxHeartRate");
    assertThat(session("u1", 86_400, 140, 140).maxHeartRate()).isEqualTo(140);
  }
}
