package dev.stride.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.sessions.entity.Rfc3339;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class Rfc3339Test {
  @Test
  void readsOffsetsAndKeepsMicroseconds() {
    assertThat(Rfc3339.parse("2026-11-01T07:00:00+01:00"))
        .contains(Instant.parse("2026-11-01T06:00:00Z"));
    assertThat(Rfc3339.parse("2026-11-01t06:00:00z"))
        .contains(Instant.parse("2026-11-01T06:00:00Z"));
    assertThat(Rfc3339.parse("2026-11-01T06:00:00.123456789-00:30"))
        .contains(Instant.parse("2026-11-01T06:30:00.123456Z"));
  }

  @Test
  void refusesWhatIsNotAnRfc3339DateTimeWithOffset() {
    for (String text :
        new String[] {
          "2026-11-01T06:00:00",
          "2026-11-01",
          "2026-11-01T06:00Z",
          "2026-11-01 06:00:00Z",
          "2026-02-30T06:00:00Z",
          "2026-11-01T24:00:00Z",
          "2026-11-01T06:00:00+0100",
          "2026-11-01T06:00:00.Z",
          "2026-11-01T06:00:00.1234567890Z",
          "1793516400",
          ""
        }) {
      assertThat(Rfc3339.parse(text)).as(text).isEmpty();
    }
    assertThat(Rfc3339.parse(null)).isEmpty();
  }
}
