package dev.stride.tester.simulation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.tester.sessions.entity.Activity;
import dev.stride.tester.sessions.entity.Session;
import dev.stride.tester.simulation.entity.SimulationPlan;
import dev.stride.tester.statistics.control.ExpectedStatistics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionGeneratorTest {

  static final LocalDate FROM = LocalDate.parse("2026-01-01");
  static final LocalDate TO = LocalDate.parse("2026-04-01");

  static List<Session> all(long seed, int users, int sessionsPerUser) {
    var generator =
        new SessionGenerator(new SimulationPlan(seed, users, sessionsPerUser, FROM, TO));
    var sessions = new ArrayList<Session>();
    for (int user = 0; user < users; user++) {
      sessions.addAll(generator.sessionsOf(user));
    }
    return sessions;
  }

  @Test
  void sameSeedGivesSameSessionsAndIds() {
    assertThat(all(7, 20, 50)).isEqualTo(all(7, 20, 50));
  }

  @Test
  void aUsersSessionsDoNotDependOnHowManyUsersAreSimulated() {
    var few = new SessionGenerator(new SimulationPlan(7, 2, 30, FROM, TO)).sessionsOf(1);
    var many = new SessionGenerator(new SimulationPlan(7, 500, 30, FROM, TO)).sessionsOf(1);
    assertThat(few).isEqualTo(many);
  }

  @Test
  void anotherSeedGivesOtherUsersAndIds() {
    var first = all(1, 5, 20);
    var second = all(2, 5, 20);
    assertThat(first.get(0).userId()).isNotEqualTo(second.get(0).userId());
    Set<UUID> ids = new HashSet<>();
    first.forEach(session -> ids.add(session.id()));
    second.forEach(session -> assertThat(ids).doesNotContain(session.id()));
  }

  @Test
  void everySessionIsInsideTheContract() {
    var sessions = all(42, 100, 100);
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    Instant to = Instant.parse("2026-04-01T00:00:00Z");
    assertThat(sessions).hasSize(10_000);
    assertThat(sessions.stream().map(Session::id).distinct()).hasSize(10_000);
    for (var session : sessions) {
      assertThat(session.id().version()).isEqualTo(4);
      assertThat(session.userId()).matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
      assertThat(session.startedAt()).isAfterOrEqualTo(from).isBefore(to);
      assertThat(session.durationSeconds()).isBetween(1, 86_400);
      if (session.distanceMeters() != null) {
        assertThat(session.distanceMeters()).isBetween(0.0, 1_000_000.0);
      }
      if (session.calories() != null) {
        assertThat(session.calories()).isBetween(0, 20_000);
      }
      if (session.avgHeartRate() != null) {
        assertThat(session.avgHeartRate()).isBetween(20, 250);
        assertThat(session.maxHeartRate()).isBetween(session.avgHeartRate(), 250);
      }
      if (session.notes() != null) {
        assertThat(session.notes().codePointCount(0, session.notes().length()))
            .isLessThanOrEqualTo(1000);
      }
    }
  }

  @Test
  void sessionsLookLikeRealHabits() {
    var sessions = all(42, 100, 100);
    assertThat(sessions).anyMatch(session -> session.distanceMeters() == null);
    assertThat(sessions).anyMatch(session -> session.avgHeartRate() == null);
    assertThat(sessions).anyMatch(session -> session.calories() == null);
    assertThat(sessions)
        .anyMatch(
            session -> session.notes() != null && !session.notes().chars().allMatch(c -> c < 128));
    assertThat(sessions.stream().map(Session::activity).distinct())
        .hasSizeGreaterThanOrEqualTo(Activity.values().length - 1);
    assertThat(sessions)
        .filteredOn(session -> session.activity() == Activity.YOGA)
        .allMatch(session -> session.distanceMeters() == null);
    var runs =
        sessions.stream()
            .filter(session -> session.activity() == Activity.RUNNING)
            .filter(session -> session.distanceMeters() != null)
            .toList();
    assertThat(runs)
        .allMatch(
            run -> {
              double speed = run.distanceMeters() / run.durationSeconds();
              return speed > 1.5 && speed < 6;
            });
  }

  @Test
  void weeklyRhythmMakesStreaks() {
    var generator = new SessionGenerator(new SimulationPlan(42, 50, 60, FROM, TO));
    int longest = 0;
    for (int user = 0; user < 50; user++) {
      var expected = new ExpectedStatistics(generator.plan().userId(user));
      generator.sessionsOf(user).forEach(expected::record);
      longest = Math.max(longest, expected.statistics().longestStreakDays().intValue());
    }
    assertThat(longest).isGreaterThanOrEqualTo(5);
  }

  @Test
  void aUsersSessionsAreInTimeOrder() {
    var sessions = new SessionGenerator(new SimulationPlan(3, 1, 200, FROM, TO)).sessionsOf(0);
    assertThat(sessions).isSortedAccordingTo((a, b) -> a.startedAt().compareTo(b.startedAt()));
    assertThat(sessions).allMatch(session -> session.userId().equals("u3-00000"));
  }

  @Test
  void aRealUsersSessionsAreTheirOwnWithIdsOfTheirOwn() {
    var plan = new SimulationPlan(7, 3, 30, FROM, TO);
    var runner = new SessionGenerator(plan.forRealUser("runner-1")).sessionsOf(0);
    Set<UUID> ids = new HashSet<>();
    new SessionGenerator(plan).sessionsOf(0).forEach(session -> ids.add(session.id()));
    new SessionGenerator(plan.forRealUser("walker-2"))
        .sessionsOf(0)
        .forEach(session -> ids.add(session.id()));

    assertThat(runner).hasSize(30).allMatch(session -> session.userId().equals("runner-1"));
    assertThat(runner).isEqualTo(new SessionGenerator(plan.forRealUser("runner-1")).sessionsOf(0));
    assertThat(runner).noneMatch(session -> ids.contains(session.id()));
    assertThat(plan.forRealUser("runner-1").userIds()).containsExactly("runner-1");
    assertThatThrownBy(() -> new SimulationPlan(7, 2, 30, FROM, TO, "runner-1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
