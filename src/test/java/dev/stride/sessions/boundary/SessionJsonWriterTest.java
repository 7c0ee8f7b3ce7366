package dev.stride.sessions.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The writer of the busiest answers must write, byte for byte, what JSON-B would. */
class SessionJsonWriterTest {
  private static final Jsonb JSONB =
      JsonbBuilder.create(new jakarta.json.bind.JsonbConfig().withNullValues(true));

  @AfterAll
  static void close() throws Exception {
    JSONB.close();
  }

  private static String written(Object entity) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (entity instanceof SessionPage page) {
      new SessionJsonWriter.OfPage().writeTo(page, SessionPage.class, null, null, null, null, body);
    } else {
      SessionView session = (SessionView) entity;
      new SessionJsonWriter.OfSession()
          .writeTo(session, SessionView.class, null, null, null, null, body);
    }
    return body.toString(StandardCharsets.UTF_8);
  }

  private static SessionView full() {
    return new SessionView(
        "3f0c8f0e-6d2a-4c1e-9a53-2b7d0c9e4a11",
        "u1",
        "running",
        Instant.parse("2026-11-01T06:00:00Z"),
        1800,
        5000.0,
        300,
        141,
        182,
        "Easy run by the \"river\" \u00e8 \u2028 \n \u0001 \ud83c\udfc3",
        Instant.parse("2026-11-01T07:31:02.123456Z"),
        Instant.parse("2026-11-02T08:00:00.5Z"),
        null);
  }

  private static SessionView bare() {
    return new SessionView(
        "00000000-0000-4000-8000-000000000000",
        "u-2",
        "yoga",
        Instant.parse("1970-01-01T00:00:00.000001Z"),
        0,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void aSessionWithEveryFieldAndWithNone() throws Exception {
    assertThat(written(full())).isEqualTo(JSONB.toJson(full()));
    assertThat(written(bare())).isEqualTo(JSONB.toJson(bare())).contains("\"notes\":null");
  }

  @Test
  void distancesAsJsonBWritesThem() throws Exception {
    Random random = new Random(7);
    for (double distance :
        new double[] {0.0, 0.1, 5000.5, 1e7, 1.0e-5, 12345678.901234, 1e21, Double.MIN_VALUE}) {
      SessionView view = withDistance(distance, random);
      assertThat(written(view)).as("%s", distance).isEqualTo(JSONB.toJson(view));
    }
    for (int i = 0; i < 1000; i++) {
      SessionView view = withDistance(random.nextDouble() * 1_000_000, random);
      assertThat(written(view)).isEqualTo(JSONB.toJson(view));
    }
  }

  private static SessionView withDistance(double distance, Random random) {
    return new SessionView(
        UUID.randomUUID().toString(),
        "u" + random.nextInt(1000),
        "cycling",
        Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000) * 1000L),
        random.nextInt(86_400),
        distance,
        random.nextInt(5000),
        null,
        random.nextInt(250),
        "",
        Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000)),
        Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000)),
        null);
  }

  @Test
  void pagesWithAndWithoutANextCursor() throws Exception {
    SessionPage last = new SessionPage(List.of(full(), bare()), null);
    SessionPage more = new SessionPage(List.of(bare()), "eyJ0IjoxfQ.c2ln");
    SessionPage empty = new SessionPage(List.of(), null);
    for (SessionPage page : List.of(last, more, empty)) {
      assertThat(written(page)).isEqualTo(JSONB.toJson(page));
    }
    assertThat(written(empty)).isEqualTo("{\"items\":[],\"nextCursor\":null}");
  }

  @Test
  void eachWriterWritesItsOwnType() throws Exception {
    assertThat(new SessionJsonWriter.OfSession().isWriteable(SessionView.class, null, null, null))
        .isTrue();
    assertThat(new SessionJsonWriter.OfSession().isWriteable(SessionPage.class, null, null, null))
        .isFalse();
    assertThat(new SessionJsonWriter.OfPage().isWriteable(SessionPage.class, null, null, null))
        .isTrue();
    assertThat(new SessionJsonWriter.OfPage().isWriteable(SessionView.class, null, null, null))
        .isFalse();
  }
}
