package dev.stride.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.sessions.entity.Activity;
import dev.stride.sessions.entity.Session;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionTest {
  private static final UUID ID = UUID.randomUUID();

  private static Session run(Instant start, Double distance, String notes) {
    return new Session(ID, "u1", Activity.RUNNING, start, 1800, distance, 300, 140, 170, notes);
  }

  @Test
  void sameContentComparesInstantsAndNumbersByValue() {
    Instant start = Instant.parse("2026-11-01T06:00:00Z");
    assertThat(run(start, 5000.0, null).hasSameContentAs(run(start.plusNanos(999), 5000.0, null)))
        .as("nanoseconds below the stored microsecond")
        .isTrue();
    assertThat(run(start, 5000.0, null).hasSameContentAs(run(start.plusNanos(1000), 5000.0, null)))
        .isFalse();
    assertThat(run(start, 5000.0, null).hasSameContentAs(run(start, 5000.1, null))).isFalse();
    assertThat(run(start, null, null).hasSameContentAs(run(start, 0.0, null))).isFalse();
    assertThat(run(start, null, "a").hasSameContentAs(run(start, null, null))).isFalse();
    assertThat(run(start, null, "a").hasSameContentAs(run(start, null, "a"))).isTrue();
  }

  @Test
  void activitiesHaveLowerCaseWireNames() {
    assertThat(Activity.fromWireName("running")).contains(Activity.RUNNING);
    assertThat(Activity.fromWireName("Running")).isEmpty();
    assertThat(Activity.NAMES).startsWith("running, cycling, swimming");
  }
}
