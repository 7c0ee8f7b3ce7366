package dev.stride.sessions.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.problems.FieldError;
import dev.stride.problems.InvalidInputException;
import dev.stride.sessions.control.Cursors.Position;
import dev.stride.sessions.entity.Activity;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** List cursors: a position signed with its query, readable only with that query and key. */
class CursorsTest {
  private static final SessionQuery QUERY =
      new SessionQuery(
          "u1",
          Set.of(Activity.RUNNING, Activity.YOGA),
          Instant.parse("2026-01-01T00:00:00Z"),
          Instant.parse("2026-02-01T00:00:00Z"),
          true);
  private static final Position AFTER =
      new Position(Instant.parse("2026-01-15T07:30:00.123456Z"), UUID.randomUUID());

  private final Cursors cursors = signedWith("the key of one database");

  @Test
  void aCursorReadsBackAsThePositionItWasIssuedFor() {
    String cursor = cursors.issue(QUERY, AFTER);

    assertThat(cursors.read(QUERY, cursor)).isEqualTo(AFTER);
    assertThat(cursor).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void anEqualQueryMadeAnewReadsIt() {
    String cursor = cursors.issue(QUERY, AFTER);
    SessionQuery same =
        new SessionQuery(
            "u1",
            Set.of(Activity.YOGA, Activity.RUNNING),
            QUERY.from(),
            QUERY.to(),
            QUERY.newestFirst());

    assertThat(cursors.read(same, cursor)).isEqualTo(AFTER);
  }

  @Test
  void anyBackendWithTheSameKeyReadsIt() {
    String cursor = cursors.issue(QUERY, AFTER);

    assertThat(signedWith("the key of one database").read(QUERY, cursor)).isEqualTo(AFTER);
    assertRefused(() -> signedWith("another key").read(QUERY, cursor));
  }

  static Stream<SessionQuery> otherQueries() {
    return Stream.of(
        new SessionQuery("u2", QUERY.activities(), QUERY.from(), QUERY.to(), true),
        new SessionQuery(null, QUERY.activities(), QUERY.from(), QUERY.to(), true),
        new SessionQuery("u1", Set.of(Activity.RUNNING), QUERY.from(), QUERY.to(), true),
        new SessionQuery("u1", Set.of(), QUERY.from(), QUERY.to(), true),
        new SessionQuery("u1", QUERY.activities(), null, QUERY.to(), true),
        new SessionQuery("u1", QUERY.activities(), QUERY.from().plusNanos(1000), QUERY.to(), true),
        new SessionQuery("u1", QUERY.activities(), QUERY.from(), null, true),
        new SessionQuery("u1", QUERY.activities(), QUERY.from(), QUERY.to(), false));
  }

  @ParameterizedTest
  @MethodSource("otherQueries")
  void aCursorIsRefusedForAnotherQuery(SessionQuery other) {
    String cursor = cursors.issue(QUERY, AFTER);

    assertRefused(() -> cursors.read(other, cursor));
  }

  static Stream<String> notCursors() {
    String issued = signedWith("the key of one database").issue(QUERY, AFTER);
    return Stream.of(
        tampered(issued, 3),
        tampered(
            issued, issued.length() - 2), // in the signature; the last character has spare bits
        issued.substring(1),
        issued + "A",
        issued + "=",
        "",
        "not-a-cursor",
        "c".repeat(10_000),
        "%%%");
  }

  @ParameterizedTest
  @MethodSource("notCursors")
  void aTamperedOrForgedCursorIsRefused(String cursor) {
    assertRefused(() -> cursors.read(QUERY, cursor));
  }

  private static void assertRefused(Runnable reading) {
    assertThatThrownBy(reading::run)
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            refused ->
                assertThat(refused.errors())
                    .extracting(FieldError::field)
                    .containsExactly("cursor"));
  }

  private static String tampered(String cursor, int at) {
    char[] chars = cursor.toCharArray();
    chars[at] = chars[at] == 'A' ? 'B' : 'A';
    return new String(chars);
  }

  private static Cursors signedWith(String secret) {
    CursorKey key = new CursorKey();
    key.configured = Optional.of(secret);
    Cursors cursors = new Cursors();
    cursors.key = key;
    return cursors;
  }
}
