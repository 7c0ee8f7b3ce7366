package dev.stride.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.statistics.boundary.IanaZone;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IanaZoneTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "UTC",
        "Europe/Rome",
        "America/Los_Angeles",
        "Asia/Kolkata",
        "America/Argentina/Buenos_Aires",
        "Etc/GMT+5",
        "Etc/UTC",
        "US/Pacific"
      })
  void acceptsRegionIdsAndUtc(String id) {
    assertThat(IanaZone.parse(id)).contains(ZoneId.of(id));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        " UTC",
        "utc",
        "europe/rome",
        "Europe/Nowhere",
        "+05:30",
        "-08:00",
        "Z",
        "UTC+01:00",
        "GMT+2",
        "GMT",
        "CET",
        "EST",
        "EST5EDT",
        "Japan",
        "SystemV/EST5",
        "Europe/Rome/",
        "../etc/passwd"
      })
  void refusesOffsetsLegacyIdsAndUnknownNames(String id) {
    assertThat(IanaZone.parse(id)).isEmpty();
  }

  @Test
  void everyAcceptedIdIsKnownToJava() {
    assertThat(IanaZone.parse("Pacific/Chatham")).map(ZoneId::getId).contains("Pacific/Chatham");
  }
}
